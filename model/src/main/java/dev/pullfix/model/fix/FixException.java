package dev.pullfix.model.fix;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;

/**
 * A fix step failed. {@link #message()} is what the front ends show (a bundle code with arguments, no secrets);
 * {@link #getMessage()} is its English text for logs.
 */
public class FixException extends Exception {
    private final transient Message message;

    public FixException(Message message) {
        super(Texts.english().render(message));
        this.message = message;
    }

    public FixException(String message) {
        super(message);
        this.message = Message.of("fix", "error.detail", message);
    }

    public FixException(String message, Throwable cause) {
        super(message, cause);
        this.message = Message.of("fix", "error.detail", message);
    }

    /** What went wrong, to be rendered in the user's language. */
    public Message message() {
        return message;
    }
}
