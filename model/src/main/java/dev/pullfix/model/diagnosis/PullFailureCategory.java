package dev.pullfix.model.diagnosis;

/** Why an image pull failed. The names are a public contract (CLI JSON, runbooks): never rename one. */
public enum PullFailureCategory {
    TAG_NOT_FOUND,
    REPO_NOT_FOUND_OR_NO_AUTH,
    UNAUTHORIZED_NO_CREDENTIALS,
    FORBIDDEN_POLICY,
    ECR_TOKEN_OR_AUTH,
    RATE_LIMITED,
    NETWORK_TIMEOUT,
    DNS_FAILURE,
    TLS_CERTIFICATE,
    PLATFORM_MISMATCH,
    INVALID_IMAGE_NAME,
    NEVER_PULL,
    DISK_OR_SNAPSHOT,
    KMS_OR_ENCRYPTION,
    OTHER
}
