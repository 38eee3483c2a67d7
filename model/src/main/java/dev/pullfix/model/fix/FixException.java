package dev.pullfix.model.fix;

/** A fix step failed; the message is safe to show (no secrets). */
public class FixException extends Exception {
    public FixException(String message) {
        super(message);
    }

    public FixException(String message, Throwable cause) {
        super(message, cause);
    }
}
