package dev.pullfix.model.policy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principal making a request, parsed from its ARN: an assumed-role session
 * ({@code arn:aws:sts::A:assumed-role/ROLE/SESSION}, the kubelet's case), a role, a user, an account root,
 * a federated user, a service principal ({@code ecr.amazonaws.com}), or nobody: an anonymous request
 * ({@link AccessRequest#ANONYMOUS}, e.g. a presigned S3 layer download through a gateway endpoint).
 */
public record Caller(String arn, Type type, String partition, String account, String name, String sessionName) {

    public enum Type { ASSUMED_ROLE, ROLE, USER, ROOT, FEDERATED_USER, SERVICE, ANONYMOUS, OTHER }

    private static final Pattern ARN = Pattern.compile("arn:([^:]+):(iam|sts)::(\\d{12}):(.+)");

    public static Caller parse(String arn) {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("principal ARN is empty");
        }
        String a = arn.trim();
        if (a.equals(AccessRequest.ANONYMOUS)) {
            return new Caller(a, Type.ANONYMOUS, "aws", "", null, null);
        }
        if (isAccountId(a)) {
            return new Caller("arn:aws:iam::" + a + ":root", Type.ROOT, "aws", a, null, null);
        }
        if (!a.startsWith("arn:") && a.toLowerCase(Locale.ROOT).endsWith(".amazonaws.com")) {
            return new Caller(a, Type.SERVICE, "aws", "", a, null);
        }
        Matcher m = ARN.matcher(a);
        if (!m.matches()) {
            return new Caller(a, Type.OTHER, "aws", "", null, null);
        }
        String partition = m.group(1);
        String service = m.group(2);
        String account = m.group(3);
        String res = m.group(4);
        if (service.equals("sts") && res.startsWith("assumed-role/")) {
            String[] parts = res.split("/", 3);
            return new Caller(a, Type.ASSUMED_ROLE, partition, account, parts.length > 1 ? parts[1] : "",
                    parts.length > 2 ? parts[2] : "");
        }
        if (service.equals("sts") && res.startsWith("federated-user/")) {
            return new Caller(a, Type.FEDERATED_USER, partition, account, res.substring("federated-user/".length()), null);
        }
        if (service.equals("iam") && res.equals("root")) {
            return new Caller(a, Type.ROOT, partition, account, null, null);
        }
        if (service.equals("iam") && res.startsWith("role/")) {
            return new Caller(a, Type.ROLE, partition, account, lastSegment(res), null);
        }
        if (service.equals("iam") && res.startsWith("user/")) {
            return new Caller(a, Type.USER, partition, account, lastSegment(res), null);
        }
        return new Caller(a, Type.OTHER, partition, account, null, null);
    }

    /** Twelve digits, without a regex (this sits on the evaluator's hot path). */
    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String lastSegment(String res) {
        int i = res.lastIndexOf('/');
        return i < 0 ? res : res.substring(i + 1);
    }

    /**
     * The value AWS puts in {@code aws:PrincipalArn}: for a role session the role ARN (here without path,
     * which a session ARN does not carry), otherwise the caller ARN.
     */
    public String principalArnKey() {
        return switch (type) {
            case ANONYMOUS -> null;
            case ASSUMED_ROLE -> "arn:" + partition + ":iam::" + account + ":role/" + name;
            default -> arn;
        };
    }

    /** {@code aws:PrincipalType}: AssumedRole, User, Account, FederatedUser, Anonymous. */
    public String principalType() {
        return switch (type) {
            case ASSUMED_ROLE, ROLE -> "AssumedRole";
            case USER -> "User";
            case ROOT -> "Account";
            case FEDERATED_USER -> "FederatedUser";
            case ANONYMOUS -> "Anonymous";
            default -> null;
        };
    }

    public boolean isRoleOrSession() {
        return type == Type.ASSUMED_ROLE || type == Type.ROLE;
    }
}
