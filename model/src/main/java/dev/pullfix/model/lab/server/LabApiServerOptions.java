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
 * @param requireToken     refuse requests without the token (401 Status), as a real cluster does; on by default
 * @param tls              serve HTTPS with a certificate made at start (its CA in the kubeconfig); on by default
 */
public record LabApiServerOptions(int port, int changeWindow, Duration bookmarkInterval, int ioThreads, Clock clock,
                                  String token, boolean requireToken, boolean tls) {

    /** HTTPS, the bearer token required. */
    public LabApiServerOptions(int port, int changeWindow, Duration bookmarkInterval, int ioThreads, Clock clock) {
        this(port, changeWindow, bookmarkInterval, ioThreads, clock, null, true, true);
    }

    public LabApiServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (changeWindow < 16) {
            throw new IllegalArgumentException("changeWindow must be at least 16");
        }
    }

    /** Free port, 10,000-change window, bookmarks every 60 s, 2 I/O threads, system clock, HTTPS, token required. */
    public static LabApiServerOptions defaults() {
        return new LabApiServerOptions(0, 10_000, Duration.ofSeconds(60), 2, Clock.systemUTC());
    }

    public LabApiServerOptions withPort(int p) {
        return new LabApiServerOptions(p, changeWindow, bookmarkInterval, ioThreads, clock, token, requireToken, tls);
    }

    public LabApiServerOptions withChangeWindow(int w) {
        return new LabApiServerOptions(port, w, bookmarkInterval, ioThreads, clock, token, requireToken, tls);
    }

    public LabApiServerOptions withBookmarkInterval(Duration d) {
        return new LabApiServerOptions(port, changeWindow, d, ioThreads, clock, token, requireToken, tls);
    }

    public LabApiServerOptions withToken(String t) {
        return new LabApiServerOptions(port, changeWindow, bookmarkInterval, ioThreads, clock, t, requireToken, tls);
    }

    /** Whether requests without the kubeconfig's bearer token are refused (401). */
    public LabApiServerOptions requiringToken(boolean require) {
        return new LabApiServerOptions(port, changeWindow, bookmarkInterval, ioThreads, clock, token, require, tls);
    }

    /**
     * Plain HTTP without the token, for one use only: the benchmark that measures what TLS costs, against the same
     * server over HTTPS in the same run. kubectl (client-go's clientcmd) sends no credentials over plain HTTP, so the
     * token cannot be required there. Requests from web pages are refused either way. Nothing else uses it: every
     * client Pullfix and its tests drive (fabric8, kubectl, the Python client, the JDK's HTTP client) speaks TLS.
     */
    public LabApiServerOptions plainHttpForBenchmarks() {
        return new LabApiServerOptions(port, changeWindow, bookmarkInterval, ioThreads, clock, token, false, false);
    }
}
