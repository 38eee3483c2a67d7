package dev.pullfix.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The output options every command shares: {@code --json}, {@code --lang en|ja}, {@code --debug}. */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--json", description = "Print JSON instead of text (fields: see below).")
    boolean json;

    @Option(names = "--debug", description = "On an error, also print the details for a bug report (secrets stay masked).")
    boolean debug;

    private Locale locale = defaultLocale();

    @Option(names = "--lang", paramLabel = "en|ja", description = "Language of the output and the messages "
            + "(default: the system's, en unless it is ja).")
    void setLang(String lang) {
        if (!"en".equals(lang) && !"ja".equals(lang)) {
            throw new ParameterException(mixee.commandLine(), "--lang must be en or ja, not '" + lang + "'");
        }
        locale = "ja".equals(lang) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    static Locale defaultLocale() {
        return "ja".equals(Locale.getDefault().getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    public boolean json() {
        return json;
    }

    public boolean debug() {
        return debug;
    }

    public Locale locale() {
        return locale;
    }

    /** "en" or "ja". */
    public String lang() {
        return locale.getLanguage();
    }
}
