package dev.pullfix.model.diagnosis.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import java.time.Duration;
import java.time.Instant;

/** Small text helpers the check families share: kubectl-style ages, pretty JSON, null-safe strings. */
final class CheckSupport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckSupport() {
    }

    static String pretty(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String tri(Boolean b) {
        return b == null ? "unknown" : b ? "yes" : "no";
    }

    static int compareInstants(Instant a, Instant b) {
        return (a == null ? Instant.EPOCH : a).compareTo(b == null ? Instant.EPOCH : b);
    }

    /** kubectl-style age: 45s, 5m15s, 3h, 2d. */
    static String age(Instant since, Facts f) {
        if (since == null) {
            return "<unknown>";
        }
        return shortDuration(Duration.between(since, f.clock().instant()));
    }

    static String shortDuration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        if (s < 3 * 3600) {
            return (s / 60) + "m";
        }
        if (s < 48 * 3600) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }

    static String eventAge(EventFacts e, Facts f) {
        String last = age(e.lastSeen(), f);
        if (e.count() > 1 && e.firstSeen() != null) {
            return last + " (x" + e.count() + " over " + age(e.firstSeen(), f) + ")";
        }
        return last;
    }
}
