package dev.pullfix.model.policy;

import java.util.List;

/**
 * A policy document that cannot be parsed. {@link #code()} is a key of the {@code policy} message bundle
 * (prefix {@code parse.}), {@link #args()} its arguments; {@link #line()}/{@link #column()} are 1-based, or 0
 * when not known. {@link #getMessage()} is a plain English rendering for logs.
 */
public final class InvalidPolicyException extends RuntimeException {
    private final String code;
    private final List<String> args;
    private final int line;
    private final int column;

    public InvalidPolicyException(String code, List<String> args, int line, int column, String english) {
        super(english + (line > 0 ? " (line " + line + ", column " + column + ")" : ""));
        this.code = code;
        this.args = List.copyOf(args);
        this.line = line;
        this.column = column;
    }

    public String code() {
        return code;
    }

    public List<String> args() {
        return args;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
