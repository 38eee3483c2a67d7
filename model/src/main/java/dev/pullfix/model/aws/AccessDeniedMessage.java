package dev.pullfix.model.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an AWS "not authorized" message, e.g.
 * {@code User: arn:aws:sts::111122223333:assumed-role/node/i-0abc is not authorized to perform: ecr:BatchGetImage
 * on resource: arn:aws:ecr:us-west-2:444455556666:repository/app because no resource-based policy allows the
 * ecr:BatchGetImage action}. Pure: usable on kubelet event text as well as on SDK error messages.
 *
 * @param principal the caller ARN, or null
 * @param action    the refused action, e.g. {@code ecr:BatchGetImage}
 * @param resource  the resource ARN, or null
 * @param reason    why, when the message says so
 */
public record AccessDeniedMessage(String principal, String action, String resource, Reason reason) {

    /** The "because ..." clause AWS adds to denial messages. */
    public enum Reason {
        NO_IDENTITY_POLICY_ALLOWS,
        /** Typical of cross-account pulls: the repository policy in the other account does not name the caller. */
        NO_RESOURCE_POLICY_ALLOWS,
        EXPLICIT_DENY_IDENTITY_POLICY,
        EXPLICIT_DENY_RESOURCE_POLICY,
        EXPLICIT_DENY_PERMISSIONS_BOUNDARY,
        EXPLICIT_DENY_SCP,
        EXPLICIT_DENY_SESSION_POLICY,
        EXPLICIT_DENY_VPC_ENDPOINT_POLICY,
        NO_PERMISSIONS_BOUNDARY_ALLOWS,
        NO_SCP_ALLOWS,
        NO_SESSION_POLICY_ALLOWS,
        NO_VPC_ENDPOINT_POLICY_ALLOWS,
        NOT_STATED
    }

    private static final Pattern PRINCIPAL = Pattern.compile("User: (arn:[^\\s]+) is not authorized");
    private static final Pattern ACTION = Pattern.compile("not authorized to perform:? ([A-Za-z0-9-]+:[A-Za-z0-9*]+)");
    private static final Pattern RESOURCE = Pattern.compile("on resource:? \"?(arn:[^\\s\"]+|\\*)");
    private static final Pattern BECAUSE = Pattern.compile(
            "because (no|an explicit deny in an?) (identity-based(?= polic)|resource-based(?= polic)|permissions boundary"
                    + "|service control(?= polic)|session(?= polic)|VPC endpoint(?= polic))", Pattern.CASE_INSENSITIVE);

    /** Parses the message, or empty when it is no AWS "not authorized to perform" text. */
    public static Optional<AccessDeniedMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher a = ACTION.matcher(message);
        if (!a.find()) {
            return Optional.empty();
        }
        Matcher p = PRINCIPAL.matcher(message);
        Matcher r = RESOURCE.matcher(message);
        String resource = r.find() ? trimPunctuation(r.group(1)) : null;
        return Optional.of(new AccessDeniedMessage(p.find() ? p.group(1) : null, a.group(1), resource,
                reasonOf(message)));
    }

    static Reason reasonOf(String message) {
        Matcher b = BECAUSE.matcher(message);
        if (!b.find()) {
            return Reason.NOT_STATED;
        }
        boolean explicit = !b.group(1).toLowerCase(Locale.ROOT).equals("no");
        String kind = b.group(2).toLowerCase(Locale.ROOT);
        switch (kind) {
            case "identity-based":
                return explicit ? Reason.EXPLICIT_DENY_IDENTITY_POLICY : Reason.NO_IDENTITY_POLICY_ALLOWS;
            case "resource-based":
                return explicit ? Reason.EXPLICIT_DENY_RESOURCE_POLICY : Reason.NO_RESOURCE_POLICY_ALLOWS;
            case "permissions boundary":
                return explicit ? Reason.EXPLICIT_DENY_PERMISSIONS_BOUNDARY : Reason.NO_PERMISSIONS_BOUNDARY_ALLOWS;
            case "service control":
                return explicit ? Reason.EXPLICIT_DENY_SCP : Reason.NO_SCP_ALLOWS;
            case "session":
                return explicit ? Reason.EXPLICIT_DENY_SESSION_POLICY : Reason.NO_SESSION_POLICY_ALLOWS;
            default:
                return explicit ? Reason.EXPLICIT_DENY_VPC_ENDPOINT_POLICY : Reason.NO_VPC_ENDPOINT_POLICY_ALLOWS;
        }
    }

    /** The account id in the principal ARN, or null. */
    public String principalAccount() {
        return accountOf(principal);
    }

    /** The account id in the resource ARN, or null. */
    public String resourceAccount() {
        return accountOf(resource);
    }

    /** Caller and resource are in different accounts: the resource policy must name the caller. */
    public boolean isCrossAccount() {
        String a = principalAccount();
        String b = resourceAccount();
        return a != null && b != null && !a.equals(b);
    }

    private static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private static String trimPunctuation(String s) {
        while (!s.isEmpty() && ".,;)".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
