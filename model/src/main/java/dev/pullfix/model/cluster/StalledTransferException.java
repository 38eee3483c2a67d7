package dev.pullfix.model.cluster;

import java.io.IOException;
import java.time.Duration;

/**
 * The server sent the headers and part of a body, then stopped ({@code slow == false}: nothing for
 * {@code quiet}), or was still sending when the call's time ran out ({@code slow == true}).
 * {@link ClusterErrors} turns it into {@link ClusterError.Code#STALLED}.
 */
public final class StalledTransferException extends IOException {

    private final long bytes;
    private final Duration quiet;
    private final boolean slow;

    public StalledTransferException(long bytes, Duration quiet, boolean slow) {
        super((slow ? "the server was still sending after " : "the server stopped sending after ") + bytes + " bytes");
        this.bytes = bytes;
        this.quiet = quiet;
        this.slow = slow;
    }

    /** Body bytes received before the transfer was ended. */
    public long bytes() {
        return bytes;
    }

    /** How long no byte came before it was ended. */
    public Duration quiet() {
        return quiet;
    }

    /** True when bytes were still coming but the call's total time ran out. */
    public boolean slow() {
        return slow;
    }
}
