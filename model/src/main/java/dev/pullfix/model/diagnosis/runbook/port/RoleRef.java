package dev.pullfix.model.diagnosis.runbook.port;

/**
 * An IAM role.
 *
 * @param source how it was found, e.g. {@code eks:DescribeNodegroup default} or {@code instance profile}
 */
public record RoleRef(String arn, String name, String source) {

    /** Role name from an ARN such as {@code arn:aws:iam::123:role/path/Name}. */
    public static RoleRef ofArn(String arn, String source) {
        return new RoleRef(arn, arn.substring(arn.lastIndexOf('/') + 1), source);
    }

    /** Account id from the ARN, or null. */
    public String account() {
        String[] p = arn.split(":");
        return p.length > 4 ? p[4] : null;
    }
}
