package dev.pullfix.model.cluster;

/** Where a live view stands with its API server. */
public enum ConnectionState {
    /** Listing for the first time. */
    CONNECTING,
    /** Watching; changes arrive as they happen. */
    LIVE,
    /** The server went away (or the watch broke); retrying with back-off. The tree shows the last known state. */
    RECONNECTING,
    /** Closed by the user. */
    STOPPED
}
