package dev.pullfix.model.fix;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import java.util.Optional;

/**
 * How a write ended. Only {@link Status#APPLIED} and {@link Status#APPLIED_UNVERIFIED} wrote anything.
 *
 * @param text what to tell the user: a {@code fix} bundle code with its arguments, rendered by the front end in the
 *             user's language; {@link #message()} is its English text (logs)
 */
public record Outcome(Status status, Message text, Optional<Backup> backup, Optional<Preview> newPreview) {

    public enum Status {
        APPLIED,
        /** Written, but the re-read did not show the proposed state. */
        APPLIED_UNVERIFIED,
        CANCELLED,
        /** The target changed since it was shown; {@link #newPreview()} holds the new diff. Nothing written. */
        TARGET_CHANGED,
        /** The dry-run refused the change. Nothing written. */
        DRY_RUN_FAILED,
        /** Read-only mode. Nothing written. */
        READ_ONLY,
        NOTHING_TO_DO,
        FAILED
    }

    public boolean wrote() {
        return status == Status.APPLIED || status == Status.APPLIED_UNVERIFIED;
    }

    /** The English text of {@link #text()}, for logs. */
    public String message() {
        return Texts.english().render(text);
    }

    static Outcome of(Status s, String key, Object... args) {
        return new Outcome(s, Message.of("fix", key, args), Optional.empty(), Optional.empty());
    }
}
