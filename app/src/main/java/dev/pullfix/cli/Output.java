package dev.pullfix.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.UserText;
import dev.pullfix.model.secret.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one output path of a command: its stdout and stderr ({@code spec.commandLine().getOut()/getErr()}, which
 * {@link Main} wraps in a {@link SafeWriter}), its language, JSON built from records and objects with every string
 * field masked ({@link Redactor#redact(JsonNode)}) before it is serialized, and third-party text made safe.
 */
final class Output {
    /** The mappers, made on first use: a table command never builds one. */
    private static final class Mappers {
        static final ObjectMapper JSON = new ObjectMapper();
        static final ObjectMapper PRETTY = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final CommandSpec spec;
    private final I18n i18n;
    private final boolean json;

    private Output(CommandSpec spec, I18n i18n, boolean json) {
        this.spec = spec;
        this.i18n = i18n;
        this.json = json;
    }

    static Output of(CommandSpec spec, OutputOptions options) {
        return new Output(spec, new I18n(options.locale()), options.json());
    }

    /** For commands without {@link OutputOptions}: the system's language, text output. */
    static Output of(CommandSpec spec) {
        return new Output(spec, new I18n(OutputOptions.defaultLocale()), false);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    I18n i18n() {
        return i18n;
    }

    boolean json() {
        return json;
    }

    /** A text from one of the bundles ({@code dev/pullfix/i18n/<bundle>}). */
    String t(String bundle, String key, Object... args) {
        return i18n.text(bundle, key, args);
    }

    /** "pullfix policy lint" etc. */
    String command() {
        return spec.qualifiedName(" ");
    }

    /** Prints a record/object as indented JSON, every string in it masked first. */
    void printJson(Object value) {
        out().println(json(value, true));
        out().flush();
    }

    /** Prints a record/object as one line of JSON (one object per input line), masked first. */
    void printJsonLine(Object value) {
        out().println(json(value, false));
        out().flush();
    }

    /** The object mapper of the command line's JSON. */
    static ObjectMapper mapper() {
        return Mappers.JSON;
    }

    static String json(Object value, boolean pretty) {
        JsonNode tree = value instanceof JsonNode n ? n : Mappers.JSON.valueToTree(value);
        try {
            return (pretty ? Mappers.PRETTY : Mappers.JSON).writeValueAsString(Redactor.redact(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line of stdout. */
    void line(String text) {
        out().println(text);
    }

    /** One line on stderr, prefixed with the command's name. */
    void warn(String text) {
        err().println(command() + ": " + UserText.oneLine(Redactor.redact(text)));
        err().flush();
    }

    /** Third-party text (event messages, server answers) for a terminal or JSON: secrets masked, controls gone. */
    static String untrusted(String text) {
        return text == null ? null : UserText.safe(Redactor.redact(text));
    }

    /** Ends the command as bad usage (exit 2) with one line and the usage hint. */
    ParameterException usage(String text) {
        return new ParameterException(spec.commandLine(), text);
    }
}
