package dev.pullfix.model.fix;

import java.util.Optional;

/** How a write ended. Only {@link Status#APPLIED} and {@link Status#APPLIED_UNVERIFIED} wrote anything. */
public record Outcome(Status status, String message, Optional<Backup> backup, Optional<Preview> newPreview) {

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

    static Outcome of(Status s, String message) {
        return new Outcome(s, message, Optional.empty(), Optional.empty());
    }
}
