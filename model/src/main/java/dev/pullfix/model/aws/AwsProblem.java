package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why an AWS call did not give an answer, as data: a kind, where it happened, the action that was missing
 * (for "could not check" verdicts), and a message code plus arguments for the i18n bundle
 * {@code dev/pullfix/i18n/aws.properties}. Never carries credentials.
 *
 * @param kind          what went wrong
 * @param service       the service prefix ({@code ecr}, {@code iam}, {@code sts}, {@code eks}, {@code ec2}), or null
 * @param operation     the API operation ({@code GetRepositoryPolicy}), or null
 * @param errorCode     the service's error code ({@code AccessDeniedException}, {@code NoSuchEntity}), or null
 * @param missingAction for {@link Kind#ACCESS_DENIED}: the IAM action that was refused ({@code ecr:GetRepositoryPolicy})
 * @param denial        for {@link Kind#ACCESS_DENIED}: the parsed "not authorized" message, when AWS sent one
 * @param detail        the service's message with anything that looks like a key id removed, or null
 * @param profile       the profile in use, for hints like "run aws sso login --profile X", or null
 */
public record AwsProblem(Kind kind, String service, String operation, String errorCode, String missingAction,
                         AccessDeniedMessage denial, String detail, String profile) {

    /** What kind of failure; each kind has a message key {@code aws.problem.<camelCase>}. */
    public enum Kind {
        ACCESS_DENIED,
        REPOSITORY_NOT_FOUND,
        REPOSITORY_POLICY_NOT_FOUND,
        IMAGE_NOT_FOUND,
        /** Another "does not exist": IAM NoSuchEntity, EKS ResourceNotFoundException, EC2 InvalidInstanceID.NotFound. */
        NOT_FOUND,
        THROTTLED,
        /** Temporary credentials expired (ExpiredToken, ExpiredTokenException, RequestExpired). */
        EXPIRED_TOKEN,
        /** Keys unknown or wrong (InvalidClientTokenId, UnrecognizedClientException, SignatureDoesNotMatch). */
        INVALID_CREDENTIALS,
        /** The SSO token is missing or expired: the user must run {@code aws sso login --profile X}. */
        SSO_LOGIN_REQUIRED,
        NO_CREDENTIALS,
        NO_REGION,
        /** The named profile is not in the config or credentials file. */
        PROFILE_NOT_FOUND,
        /** No connection to the endpoint (DNS, refused, timeout). */
        ENDPOINT_UNREACHABLE,
        INVALID_REQUEST,
        /** The answer could not be worked out from the inputs (e.g. a node without providerID). */
        UNRESOLVED,
        SERVICE_ERROR
    }

    private static final Pattern KEY_ID = Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\\b");

    public AwsProblem {
        Objects.requireNonNull(kind, "kind");
        detail = redact(detail);
    }

    public static AwsProblem of(Kind kind, String service, String operation, String detail) {
        return new AwsProblem(kind, service, operation, null, null, null, detail, null);
    }

    public static AwsProblem unresolved(String detailCode) {
        return new AwsProblem(Kind.UNRESOLVED, null, null, null, null, null, detailCode, null);
    }

    public AwsProblem withProfile(String profileName) {
        return new AwsProblem(kind, service, operation, errorCode, missingAction, denial, detail, profileName);
    }

    /** True when the call was refused for want of a permission: the check could not be made, nothing is known. */
    public boolean isAccessDenied() {
        return kind == Kind.ACCESS_DENIED;
    }

    /** True when the problem lies with the caller's credentials, so no further call with them will work either. */
    public boolean isCredentialProblem() {
        return switch (kind) {
            case EXPIRED_TOKEN, INVALID_CREDENTIALS, SSO_LOGIN_REQUIRED, NO_CREDENTIALS, PROFILE_NOT_FOUND -> true;
            default -> false;
        };
    }

    /** The i18n key, e.g. {@code aws.problem.ssoLoginRequired}. */
    public String messageCode() {
        StringBuilder sb = new StringBuilder("aws.problem.");
        boolean upper = false;
        for (char c : kind.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /**
     * Arguments for {@link #messageCode()}: {0} action or operation, {1} profile (or "default"), {2} service,
     * {3} detail (may be empty).
     */
    public List<Object> messageArgs() {
        List<Object> args = new ArrayList<>(4);
        String action = missingAction != null ? missingAction
                : (service != null && operation != null ? service + ":" + operation : String.valueOf(operation));
        args.add(action);
        args.add(profile == null ? "default" : profile);
        args.add(service == null ? "" : service);
        args.add(detail == null ? "" : detail);
        return List.copyOf(args);
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = KEY_ID.matcher(text).replaceAll("$1****");
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
