package dev.pullfix.model.registry;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * Docker Hub's pull budget from the headers of a manifest request ({@code ratelimit-limit: 100;w=21600},
 * {@code ratelimit-remaining: 76;w=21600}, {@code docker-ratelimit-source: <ip or account>}). A {@code HEAD} shows
 * them without counting as a pull.
 *
 * @param limit          pulls allowed per window
 * @param remaining      pulls left in the window
 * @param windowSeconds  the window ({@code w=}), or null
 * @param source         what the budget belongs to (an IP address for anonymous pulls, an account id), or null
 */
public record RateLimit(int limit, int remaining, Integer windowSeconds, String source) {

    /** The budget from response headers, or empty when the registry sent none. */
    public static Optional<RateLimit> from(HttpHeaders headers) {
        Optional<String> l = headers.firstValue("ratelimit-limit");
        Optional<String> r = headers.firstValue("ratelimit-remaining");
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        Integer limit = count(l.get());
        Integer remaining = count(r.get());
        if (limit == null || remaining == null) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit, remaining, window(l.get()),
                headers.firstValue("docker-ratelimit-source").orElse(null)));
    }

    /** True when no pull is left in the window. */
    public boolean exhausted() {
        return remaining <= 0;
    }

    private static Integer count(String v) {
        String n = v.split(";", 2)[0].trim();
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer window(String v) {
        for (String part : v.split(";")) {
            String p = part.trim();
            if (p.startsWith("w=")) {
                try {
                    return Integer.parseInt(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
