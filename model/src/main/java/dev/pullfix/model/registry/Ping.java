package dev.pullfix.model.registry;

import java.util.List;

/**
 * What {@code GET /v2/} answered.
 *
 * @param endpoint   the base URL that answered, e.g. {@code https://registry-1.docker.io}
 * @param status     200 (open) or 401 (authentication announced); other statuses are failures
 * @param challenges the {@code WWW-Authenticate} challenges of a 401
 */
public record Ping(String endpoint, int status, List<AuthChallenge> challenges) {
    public Ping {
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
    }
}
