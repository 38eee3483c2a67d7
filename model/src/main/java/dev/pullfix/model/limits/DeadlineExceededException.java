package dev.pullfix.model.limits;

import java.time.Duration;

/** A whole command ran out of its time ({@code --timeout}). The message key is {@code limits.deadlineExceeded}. */
public final class DeadlineExceededException extends RuntimeException {

    private final Duration limit;

    public DeadlineExceededException(Duration limit) {
        super("did not finish within " + limit.toSeconds() + " s", null, false, false);
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    /** The bundle key of the one-line message; its argument is {@link #limit()} in seconds. */
    public String messageKey() {
        return "limits.deadlineExceeded";
    }
}
