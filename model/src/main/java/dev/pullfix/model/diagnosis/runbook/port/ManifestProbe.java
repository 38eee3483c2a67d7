package dev.pullfix.model.diagnosis.runbook.port;

/**
 * What the registry answered.
 *
 * @param status              the outcome
 * @param httpStatus          the HTTP status of the manifest request, or 0 when there was none
 * @param authenticated       true when credentials from a pull secret were used
 * @param rateLimitRemaining  Docker Hub's {@code ratelimit-remaining}, or null
 * @param rateLimitLimit      Docker Hub's {@code ratelimit-limit}, or null
 * @param detail              the registry's error text (e.g. {@code insufficient_scope}), never credentials
 */
public record ManifestProbe(Status status, int httpStatus, boolean authenticated, Integer rateLimitRemaining,
                            Integer rateLimitLimit, String detail) {
    public enum Status {
        FOUND, TAG_NOT_FOUND,
        /** 401/403 insufficient_scope: the repository does not exist or needs credentials (Docker Hub answers both alike). */
        NOT_FOUND_OR_UNAUTHORIZED,
        /** 401 with credentials: the credentials are wrong. */
        UNAUTHORIZED,
        RATE_LIMITED, TIMEOUT, DNS_FAILURE, TLS_ERROR, ERROR
    }
}
