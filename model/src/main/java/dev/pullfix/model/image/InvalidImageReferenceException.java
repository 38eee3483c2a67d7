package dev.pullfix.model.image;

import java.util.List;

/**
 * A reference that the Docker reference grammar rejects: what the kubelet reports as {@code InvalidImageName}.
 * The {@link #reason()} is a stable code (for i18n); {@link #getMessage()} is an English line in the
 * wording of {@code distribution/reference} ("invalid reference format: ...").
 */
public final class InvalidImageReferenceException extends IllegalArgumentException {

    /** Why a reference is malformed. */
    public enum Reason {
        EMPTY("repository name must have at least one component"),
        WHITESPACE("reference contains whitespace or control characters"),
        SCHEME("reference must not start with a URL scheme such as https://"),
        HEX_64("cannot specify 64-byte hexadecimal strings"),
        UPPERCASE("repository name must be lowercase"),
        NAME_TOO_LONG("repository name must not be more than 255 characters"),
        EMPTY_PATH_COMPONENT("repository path has an empty component (double or trailing '/')"),
        INVALID_PATH_COMPONENT("repository path component is not lowercase letters and digits joined by '.', '_', '__' or '-'"),
        INVALID_DOMAIN("registry host is not a valid host name"),
        INVALID_PORT("registry port is not a number between 1 and 65535"),
        EMPTY_TAG("tag is empty after ':'"),
        INVALID_TAG("tag must be 1-128 characters of letters, digits, '_', '.' or '-' and not start with '.' or '-'"),
        EMPTY_DIGEST("digest is empty after '@'"),
        INVALID_DIGEST("invalid digest format (expected algorithm:hex)"),
        UNSUPPORTED_DIGEST("unsupported digest algorithm"),
        DIGEST_LENGTH("invalid checksum digest length"),
        MULTIPLE_AT("reference contains more than one '@'");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        /** The English explanation. */
        public String english() {
            return english;
        }

        /** i18n key suffix, e.g. {@code image.invalid.uppercase}. */
        public String code() {
            return "image.invalid." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String reference;
    private final Reason reason;
    private final String detail;

    public InvalidImageReferenceException(String reference, Reason reason, String detail) {
        super("invalid reference format: " + reason.english() + (detail == null ? "" : " (" + detail + ")"));
        this.reference = reference;
        this.reason = reason;
        this.detail = detail;
    }

    /** The reference as given. */
    public String reference() {
        return reference;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending part (component, tag, host ...), or null. */
    public String detail() {
        return detail;
    }

    /** Arguments for an i18n message: the reference and the offending part. */
    public List<String> args() {
        return List.of(reference == null ? "" : reference, detail == null ? "" : detail);
    }
}
