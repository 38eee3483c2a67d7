package dev.pullfix.model.lab.server;

import java.time.Clock;
import java.time.Duration;

/**
 * How to start a {@link LabApiServer}. Always binds 127.0.0.1.
 *
 * @param port             TCP port; 0 picks a free one
 * @param changeWindow     how many recent changes watches can resume from (older ones get 410 Gone)
 * @param bookmarkInterval how often watches that allow bookmarks get one
 * @param ioThreads        Netty event-loop threads
 * @param clock            the clock for creationTimestamp (tests may fix it)
 * @param token            the bearer token written into its kubeconfig; null: a new random one
 * @param requireToken     refuse requests without the token (401). Off by default: the lab serves plain HTTP and
 *                         kubectl (client-go's clientcmd) sends no credentials over plain HTTP, so requiring them
 *                         would lock kubectl out until the lab serves TLS. Requests from web pages are refused
 *                         either way.
 */
public record LabApiServerOptions(int port, int changeWindow, Duration bookmarkInterval, int ioThreads, Clock clock,
                                  String token, boolean requireToken) {

    public LabApiServerOptions(int port, int changeWindow, Duration bookmarkInterval, int ioThreads, Clock clock) {
        this(port, changeWindow, bookmarkInterval, ioThreads, clock, null, false);
    }

    public LabApiServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (changeWindow < 16) {
            throw new IllegalArgumentException("changeWindow must be at least 16");
        }
    }

    /** Free port, 10,000-change window, bookmarks every 60 s, 2 I/O threads, system clock. */
    public static LabApiServerOptions defaults() {
        return new LabApiServerOptions(0, 10_000, Duration.ofSeconds(60), 2, Clock.systemUTC());
    }

    public LabApiServerOptions withPort(int p) {
        return new LabApiServerOptions(p, changeWindow, bookmarkInterval, ioThreads, clock, token, requireToken);
    }

    public LabApiServerOptions withChangeWindow(int w) {
        return new LabApiServerOptions(port, w, bookmarkInterval, ioThreads, clock, token, requireToken);
    }

    public LabApiServerOptions withBookmarkInterval(Duration d) {
        return new LabApiServerOptions(port, changeWindow, d, ioThreads, clock, token, requireToken);
    }

    public LabApiServerOptions withToken(String t) {
        return new LabApiServerOptions(port, changeWindow, bookmarkInterval, ioThreads, clock, t, requireToken);
    }

    /** Refuse requests without the kubeconfig's bearer token (for clients that send it over plain HTTP). */
    public LabApiServerOptions requiringToken(boolean require) {
        return new LabApiServerOptions(port, changeWindow, bookmarkInterval, ioThreads, clock, token, require);
    }
}
