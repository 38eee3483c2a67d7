package dev.pullfix.model.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An input refused before or while parsing, in Pullfix's own words: a code (bundle key
 * {@code limits.input.<CODE>}), the file, where in it (line and column, 0 when not known) and arguments. Never
 * carries a library's class or type names. {@link #getMessage()} is the English line, for logs and tests.
 */
public final class InputProblem extends RuntimeException {

    /** What was wrong; see {@code limits.properties} for each message's arguments. */
    public enum Code { TOO_LARGE, LINE_TOO_LONG, NOT_UTF8, TOO_DEEP, TOO_MANY_ALIASES, SYNTAX, NOT_READABLE }

    private final Code code;
    private final String source;
    private final int line;
    private final int column;
    private final List<String> args;

    public InputProblem(Code code, String source, int line, int column, List<String> args) {
        super(english(code, source, line, column, args), null, false, false);
        this.code = Objects.requireNonNull(code);
        this.source = source;
        this.line = line;
        this.column = column;
        this.args = List.copyOf(args);
    }

    public Code code() {
        return code;
    }

    /** The file (or "stdin", or a name the caller gave). */
    public String source() {
        return source;
    }

    /** 1-based line, 0 when not known. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when not known. */
    public int column() {
        return column;
    }

    /** The arguments after source/line/column, as the bundle message wants them. */
    public List<String> args() {
        return args;
    }

    public String messageKey() {
        return "limits.input." + code.name();
    }

    /** All bundle arguments in order: for TOO_DEEP, TOO_MANY_ALIASES and SYNTAX source, line, column, then args. */
    public Object[] messageArgs() {
        List<Object> all = new ArrayList<>();
        all.add(source);
        if (code == Code.TOO_DEEP || code == Code.TOO_MANY_ALIASES || code == Code.SYNTAX) {
            all.add(line == 0 ? "?" : Integer.toString(line));
            all.add(column == 0 ? "?" : Integer.toString(column));
        }
        all.addAll(args);
        return all.toArray();
    }

    private static String english(Code code, String source, int line, int column, List<String> a) {
        String where = source + (line > 0 ? ", line " + line + (column > 0 ? ", column " + column : "") : "");
        return switch (code) {
            case TOO_LARGE -> source + ": the file is " + a.get(0) + " bytes; a " + a.get(1) + " may be at most "
                    + a.get(2) + " bytes";
            case LINE_TOO_LONG -> source + ": line " + a.get(0) + " is " + a.get(1) + " characters long; a " + a.get(2)
                    + " may have lines of at most " + a.get(3) + " characters";
            case NOT_UTF8 -> source + ": the file is not UTF-8 text (byte " + a.get(0) + ")";
            case TOO_DEEP -> where + ": nested deeper than " + a.get(0) + " levels";
            case TOO_MANY_ALIASES -> where + ": more than " + a.get(0) + " YAML aliases";
            case SYNTAX -> where + ": " + a.get(0);
            case NOT_READABLE -> source + ": cannot be read (" + a.get(0) + ")";
        };
    }
}
