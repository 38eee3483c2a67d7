package dev.pullfix.model.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * One event about a pod, merged from core/v1 and events.k8s.io/v1.
 *
 * @param type    Normal / Warning
 * @param reason  e.g. Failed, BackOff, Pulling, FailedCreatePodSandBox
 * @param from    the reporting component (kubelet, default-scheduler)
 * @param message the message (core/v1) or note (events.k8s.io/v1), trimmed
 * @param count   how many times it happened (1 when not repeated)
 * @param first   first occurrence (eventTime or firstTimestamp)
 * @param last    last occurrence (series.lastObservedTime or lastTimestamp; {@code first} if unknown)
 * @param series  whether the count comes from an event series (kubectl prints it the same way)
 * @param uid     the event's uid (the same object in both APIs)
 */
public record PodEvent(String type, String reason, String from, String message, int count, Instant first,
                       Instant last, boolean series, String uid) {

    /** When it last happened, for ordering (newest last). */
    public Instant sortTime() {
        return last != null ? last : first;
    }

    /**
     * The Age column of {@code kubectl describe}: {@code 5m15s}, or {@code 3m53s (x4 over 5m15s)} when repeated.
     */
    public String age(Instant now) {
        String firstSince = since(first, now);
        if (count > 1 || series) {
            return since(last, now) + " (x" + count + " over " + firstSince + ")";
        }
        return firstSince;
    }

    private static String since(Instant t, Instant now) {
        if (t == null) {
            return "<unknown>";
        }
        return humanDuration(Duration.between(t, now));
    }

    /** Go's {@code k8s.io/apimachinery/pkg/util/duration.HumanDuration}, as kubectl prints ages. */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return (hours / 24) + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
        }
        return (hours / 24 / 365) + "y";
    }
}
