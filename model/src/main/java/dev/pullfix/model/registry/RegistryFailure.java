package dev.pullfix.model.registry;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.RegistryKind;
import java.util.List;

/**
 * Why a registry request did not give an answer, in the registry's own terms.
 *
 * @param kind       what went wrong
 * @param httpStatus the HTTP status of the failing response, or 0 when there was none (network, TLS)
 * @param codes      the registry's error codes from the body ({@code MANIFEST_UNKNOWN}, {@code NAME_UNKNOWN},
 *                   {@code UNAUTHORIZED}, {@code DENIED}, {@code TOOMANYREQUESTS}, ...), upper case
 * @param detail     the registry's or the network's own words (never credentials), for evidence
 */
public record RegistryFailure(Kind kind, int httpStatus, List<String> codes, String detail) {

    public enum Kind {
        /** 404 for a manifest: the tag or digest is not in the repository (or, for HEAD, maybe the repository). */
        MANIFEST_UNKNOWN,
        /** The repository does not exist ({@code NAME_UNKNOWN}). */
        NAME_UNKNOWN,
        /** The registry wants credentials and none were sent (Basic challenge, or the anonymous token was refused). */
        AUTH_REQUIRED,
        /** The credentials sent were rejected (Basic 401, or the token realm answered 401). */
        CREDENTIALS_REJECTED,
        /**
         * A token was issued but the resource still answered 401 {@code insufficient_scope}: the repository does
         * not exist or these credentials may not pull it (Docker Hub answers both alike).
         */
        NOT_FOUND_OR_UNAUTHORIZED,
        /** 403: the registry refuses these credentials for this repository. */
        DENIED,
        /** 429 or {@code TOOMANYREQUESTS}. */
        RATE_LIMITED,
        /** 5xx. */
        SERVER_ERROR,
        /** Connect, read or total deadline passed. */
        TIMEOUT,
        /** Connection refused, no route, network unreachable, reset. */
        UNREACHABLE,
        /** The host name does not resolve. */
        DNS,
        /** The certificate is not trusted (unknown CA), expired, for another name, or the handshake failed. */
        TLS,
        /** The registry speaks plain HTTP and is neither loopback nor listed as insecure. */
        PLAIN_HTTP,
        /** The image exists but holds no platform the node runs (containerd: "no match for platform in manifest"). */
        NO_MATCHING_PLATFORM,
        /** An answer the API does not define (bad JSON, an unexpected status, a redirect loop). */
        PROTOCOL
    }

    public RegistryFailure {
        codes = codes == null ? List.of() : List.copyOf(codes);
        detail = detail == null ? "" : detail;
    }

    static RegistryFailure of(Kind kind, String detail) {
        return new RegistryFailure(kind, 0, List.of(), detail);
    }

    /** The classifier's category for this failure from a registry of the given kind. */
    public PullFailureCategory category(RegistryKind registry) {
        return switch (kind) {
            case MANIFEST_UNKNOWN -> PullFailureCategory.TAG_NOT_FOUND;
            case NAME_UNKNOWN, NOT_FOUND_OR_UNAUTHORIZED -> PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH;
            case AUTH_REQUIRED, CREDENTIALS_REJECTED -> registry != null && registry.isEcr()
                    ? PullFailureCategory.ECR_TOKEN_OR_AUTH : PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS;
            case DENIED -> PullFailureCategory.FORBIDDEN_POLICY;
            case RATE_LIMITED -> PullFailureCategory.RATE_LIMITED;
            case SERVER_ERROR -> httpStatus == 502 || httpStatus == 503 || httpStatus == 504
                    ? PullFailureCategory.NETWORK_TIMEOUT : PullFailureCategory.OTHER;
            case TIMEOUT, UNREACHABLE -> PullFailureCategory.NETWORK_TIMEOUT;
            case DNS -> PullFailureCategory.DNS_FAILURE;
            case TLS, PLAIN_HTTP -> PullFailureCategory.TLS_CERTIFICATE;
            case NO_MATCHING_PLATFORM -> PullFailureCategory.PLATFORM_MISMATCH;
            case PROTOCOL -> PullFailureCategory.OTHER;
        };
    }

    /** True when the registry answered (an HTTP status), false for network and TLS failures. */
    public boolean answered() {
        return httpStatus != 0;
    }
}
