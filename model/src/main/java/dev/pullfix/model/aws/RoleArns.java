package dev.pullfix.model.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Role ARN helpers (pure). */
public final class RoleArns {
    private static final Pattern ROLE = Pattern.compile("^arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:.*/)?([^/]+)$");
    private static final Pattern SESSION =
            Pattern.compile("^arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/(.+)$");

    private RoleArns() {
    }

    /** The role name from a role ARN (path dropped), an assumed-role session ARN, or a bare name. */
    public static String roleName(String roleOrArn) {
        Matcher m = ROLE.matcher(roleOrArn);
        if (m.matches()) {
            return m.group(3);
        }
        m = SESSION.matcher(roleOrArn);
        if (m.matches()) {
            return m.group(3);
        }
        return roleOrArn;
    }

    /** The account of a role or session ARN. */
    public static Optional<String> account(String arn) {
        Matcher m = ROLE.matcher(arn);
        if (m.matches()) {
            return Optional.of(m.group(2));
        }
        m = SESSION.matcher(arn);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    public static boolean isSessionArn(String arn) {
        return SESSION.matcher(arn).matches();
    }

    public static boolean isRoleArn(String arn) {
        return ROLE.matcher(arn).matches();
    }

    /**
     * The session ARN the kubelet calls ECR with on an EC2 node: {@code arn:aws:sts::A:assumed-role/NAME/i-...}.
     * Paths are not part of session ARNs.
     */
    public static Optional<String> sessionArn(String roleArn, String sessionName) {
        Matcher m = ROLE.matcher(roleArn);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("arn:" + m.group(1) + ":sts::" + m.group(2) + ":assumed-role/" + m.group(3) + "/"
                + sessionName);
    }
}
