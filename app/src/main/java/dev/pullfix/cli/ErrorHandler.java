package dev.pullfix.cli;

import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.I18n;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every failure of every command ends here: one line on stderr in the user's words with a way forward
 * ({@link ErrorText}, shared with the window), the details only with {@code --debug} (secrets masked), and an exit
 * code that means something ({@link ExitCode}). Never a stack trace otherwise.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        Throwable e = ex;
        while (e instanceof CommandLine.ExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        e = ErrorText.cause(e);
        if (e instanceof CommandLine.ParameterException pe) {
            return handleParseException(pe, new String[0]);
        }
        ParseResult own = cl.getParseResult();
        ErrorText text = new ErrorText(new I18n(locale(own)));
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName(" ") + ": " + text.line(e));
        if (own != null && own.hasMatchedOption("--debug")) {
            err.println(text.debug(e));
        }
        err.flush();
        return ExitCode.of(e, cl.getCommand() instanceof ExitCode.Checker);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        String name = c.getCommandSpec().qualifiedName(" ");
        I18n i18n = new I18n(locale(c.getParseResult()));
        c.getErr().println(name + ": " + dev.pullfix.app.common.UserText.oneLine(ex.getMessage()) + " "
                + i18n.text("cli", "cli.seeHelp", name));
        c.getErr().flush();
        return ExitCode.USAGE;
    }

    private static Locale locale(ParseResult r) {
        if (r != null && r.hasMatchedOption("--lang")) {
            Object v = r.matchedOptionValue("--lang", "en");
            return "ja".equals(String.valueOf(v)) ? Locale.JAPANESE : Locale.ENGLISH;
        }
        return OutputOptions.defaultLocale();
    }
}
