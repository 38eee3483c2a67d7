package dev.pullfix.model.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Maps SDK exceptions to {@link AwsProblem}s; the only place that reads SDK error codes. */
final class SdkErrors {

    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "AuthorizationError", "NotAuthorized",
            "AuthorizationErrorException");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "LimitExceededException");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> INVALID_CREDENTIALS = Set.of("InvalidClientTokenId",
            "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidSignatureException", "AuthFailure",
            "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId");
    private static final Set<String> INVALID_REQUEST = Set.of("ValidationException", "ValidationError",
            "InvalidParameterException", "InvalidParameterValue", "InvalidParameterValueException",
            "InvalidInput", "InvalidParameterCombination", "MalformedPolicyDocument",
            "MalformedPolicyDocumentException", "InvalidInstanceID.Malformed", "InvalidVpcId.Malformed",
            "InvalidRequestException", "InvalidTagParameterException");

    /** The detail of a timed-out call; {@link AwsSession} adds the stated seconds. */
    static final String TIMEOUT_DETAIL = "no answer in time";

    private SdkErrors() {
    }

    /**
     * @param service   the IAM service prefix of the call ({@code ecr}, {@code iam}, ...)
     * @param operation the API operation, which with the prefix names the IAM action when the message does not
     */
    static AwsProblem map(String service, String operation, Throwable error, String profile, ProfileKind kind) {
        AwsProblem p = mapInner(service, operation, error, kind);
        return p.withProfile(profile);
    }

    private static AwsProblem mapInner(String service, String operation, Throwable error, ProfileKind kind) {
        AwsServiceException ase = find(error, AwsServiceException.class);
        if (ase != null) {
            return fromService(service, operation, ase);
        }
        if (isSsoTokenProblem(error) || (kind != null && kind.isSso() && error instanceof SdkClientException
                && !isNetwork(error))) {
            return new AwsProblem(AwsProblem.Kind.SSO_LOGIN_REQUIRED, service, operation, null, null, null,
                    messageOf(error), null);
        }
        if (find(error, ApiCallTimeoutException.class) != null || find(error, ApiCallAttemptTimeoutException.class) != null) {
            // a server that accepted the connection and never answered, or stopped answering: unreachable in time
            return new AwsProblem(AwsProblem.Kind.ENDPOINT_UNREACHABLE, service, operation, null, null, null,
                    TIMEOUT_DETAIL, null);
        }
        if (isNetwork(error)) {
            return new AwsProblem(AwsProblem.Kind.ENDPOINT_UNREACHABLE, service, operation, null, null, null,
                    messageOf(error), null);
        }
        String msg = messageOf(error);
        String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
        if (lower.contains("unable to load credentials") || lower.contains("unable to load aws credentials")) {
            return new AwsProblem(AwsProblem.Kind.NO_CREDENTIALS, service, operation, null, null, null, msg, null);
        }
        if (lower.contains("unable to load region")) {
            return new AwsProblem(AwsProblem.Kind.NO_REGION, service, operation, null, null, null, msg, null);
        }
        if (lower.contains("profile file contained no credentials for profile")
                || (lower.contains("profile") && lower.contains("not found"))) {
            return new AwsProblem(AwsProblem.Kind.PROFILE_NOT_FOUND, service, operation, null, null, null, msg, null);
        }
        return new AwsProblem(AwsProblem.Kind.SERVICE_ERROR, service, operation, null, null, null, msg, null);
    }

    private static AwsProblem fromService(String service, String operation, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        AwsProblem.Kind kind;
        String missing = null;
        AccessDeniedMessage denial = null;
        if (code == null) {
            kind = e.isThrottlingException() ? AwsProblem.Kind.THROTTLED : AwsProblem.Kind.SERVICE_ERROR;
        } else if (ACCESS_DENIED.contains(code) || (e.statusCode() == 403 && !INVALID_CREDENTIALS.contains(code)
                && !EXPIRED.contains(code))) {
            kind = AwsProblem.Kind.ACCESS_DENIED;
            denial = AccessDeniedMessage.parse(msg).orElse(null);
            missing = denial != null ? denial.action() : service + ":" + operation;
        } else if (code.equals("RepositoryNotFoundException")) {
            kind = AwsProblem.Kind.REPOSITORY_NOT_FOUND;
        } else if (code.equals("RepositoryPolicyNotFoundException")) {
            kind = AwsProblem.Kind.REPOSITORY_POLICY_NOT_FOUND;
        } else if (code.equals("ImageNotFoundException")) {
            kind = AwsProblem.Kind.IMAGE_NOT_FOUND;
        } else if (code.equals("NoSuchEntity") || code.equals("NoSuchEntityException")
                || code.equals("ResourceNotFoundException") || code.endsWith(".NotFound")) {
            kind = AwsProblem.Kind.NOT_FOUND;
        } else if (EXPIRED.contains(code)) {
            kind = AwsProblem.Kind.EXPIRED_TOKEN;
        } else if (INVALID_CREDENTIALS.contains(code)) {
            kind = AwsProblem.Kind.INVALID_CREDENTIALS;
        } else if (THROTTLED.contains(code) || e.isThrottlingException()) {
            kind = AwsProblem.Kind.THROTTLED;
        } else if (INVALID_REQUEST.contains(code) || code.startsWith("Invalid")) {
            kind = AwsProblem.Kind.INVALID_REQUEST;
        } else {
            kind = AwsProblem.Kind.SERVICE_ERROR;
        }
        return new AwsProblem(kind, service, operation, code, missing, denial, msg, null);
    }

    private static boolean isSsoTokenProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String cls = t.getClass().getName();
            if (cls.startsWith("software.amazon.awssdk.services.sso.") || cls.startsWith("software.amazon.awssdk.services.ssooidc.")) {
                return true;
            }
            String m = t.getMessage();
            if (m != null) {
                String l = m.toLowerCase(Locale.ROOT);
                if (l.contains("sso session") || l.contains("aws sso login") || l.contains("sso token")
                        || (l.contains("token") && l.contains("expired") && l.contains("sso"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNetwork(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return !(t instanceof java.nio.file.NoSuchFileException || t instanceof java.io.FileNotFoundException);
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String messageOf(Throwable t) {
        String m = t instanceof SdkException ? t.getMessage() : (t.getMessage() != null ? t.getMessage() : t.toString());
        return m;
    }
}
