package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/**
 * What the registry answered.
 *
 * @param status              the outcome
 * @param httpStatus          the HTTP status of the manifest request, or 0 when there was none
 * @param authenticated       true when credentials from a pull secret were used
 * @param rateLimitRemaining  Docker Hub's {@code ratelimit-remaining}, or null
 * @param rateLimitLimit      Docker Hub's {@code ratelimit-limit}, or null
 * @param detail              the registry's error text (e.g. {@code insufficient_scope}), never credentials
 * @param registry            more of the registry's answer when the registry was asked with the full check
 *                            (repository, nearest tags, credentials, platforms), or null
 */
public record ManifestProbe(Status status, int httpStatus, boolean authenticated, Integer rateLimitRemaining,
                            Integer rateLimitLimit, String detail, Details registry) {
    public enum Status {
        FOUND, TAG_NOT_FOUND,
        /** 401/403 insufficient_scope: the repository does not exist or needs credentials (Docker Hub answers both alike). */
        NOT_FOUND_OR_UNAUTHORIZED,
        /** 401 with credentials: the credentials are wrong. */
        UNAUTHORIZED,
        RATE_LIMITED, TIMEOUT, DNS_FAILURE, TLS_ERROR, ERROR
    }

    public ManifestProbe(Status status, int httpStatus, boolean authenticated, Integer rateLimitRemaining,
                         Integer rateLimitLimit, String detail) {
        this(status, httpStatus, authenticated, rateLimitRemaining, rateLimitLimit, detail, null);
    }

    /**
     * The rest of the registry's answer. Booleans are null when the answer does not tell.
     *
     * @param endpoint            the base URL asked (e.g. {@code https://registry-1.docker.io})
     * @param repositoryExists    {@code tags/list} answered (false: NAME_UNKNOWN)
     * @param imageExists         the tag or digest resolved
     * @param nearestTags         existing tags nearest the missing one, nearest and newest first
     * @param authRequired        an anonymous request was refused
     * @param credentialsAccepted the pod's credentials were accepted (null: it has none for this registry)
     * @param credentialSource    which secret answered, e.g. {@code secret default/regcred (registry.example.com)}
     * @param secretKeys          the registry keys of the pod's pull secrets, as the kubelet indexes them
     * @param digest              the manifest digest, or null
     * @param platforms           the platforms the image holds, e.g. {@code linux/amd64}
     * @param nodePlatform        the node platform checked, or null
     * @param platformMatches     the image holds a platform the node runs; null when not checked
     * @param rateLimitSource     {@code docker-ratelimit-source} (an IP or account), or null
     * @param rateLimitWindow     the budget's window in seconds, or null
     * @param failureKind         the registry client's failure kind, or null
     */
    public record Details(String endpoint, Boolean repositoryExists, Boolean imageExists, List<String> nearestTags,
                          Boolean authRequired, Boolean credentialsAccepted, String credentialSource,
                          List<String> secretKeys, String digest, List<String> platforms, String nodePlatform,
                          Boolean platformMatches, String rateLimitSource, Integer rateLimitWindow, String failureKind) {
        public Details {
            nearestTags = nearestTags == null ? List.of() : List.copyOf(nearestTags);
            secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
            platforms = platforms == null ? List.of() : List.copyOf(platforms);
        }
    }
}
