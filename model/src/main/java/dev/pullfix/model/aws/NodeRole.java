package dev.pullfix.model.aws;

import java.util.List;

/**
 * The IAM role that pulls images on a node, and how we found it.
 *
 * @param roleArn the role ARN
 * @param path    which lookup found it
 * @param source  the nodegroup name, instance id or Fargate profile name the path went through
 * @param instanceProfileArn for the EC2 path, the instance profile; else null
 * @param skipped problems of paths tried first that did not answer (e.g. DescribeNodegroup denied, then the
 *                instance path worked)
 */
public record NodeRole(String roleArn, Path path, String source, String instanceProfileArn, List<AwsProblem> skipped) {

    public NodeRole {
        skipped = List.copyOf(skipped);
    }

    public enum Path {
        /** node label {@code eks.amazonaws.com/nodegroup} → {@code eks:DescribeNodegroup} → nodeRole. */
        MANAGED_NODEGROUP,
        /** {@code spec.providerID} → {@code ec2:DescribeInstances} → instance profile → {@code iam:GetInstanceProfile}. */
        EC2_INSTANCE_PROFILE,
        /** Fargate node → {@code eks:DescribeFargateProfile} → podExecutionRoleArn. */
        FARGATE_PROFILE
    }

    /** The session ARN the kubelet uses on an EC2 node ({@code assumed-role/NAME/i-...}); the role ARN otherwise. */
    public String callerArn() {
        if (path != Path.FARGATE_PROFILE && source != null && source.startsWith("i-")) {
            return RoleArns.sessionArn(roleArn, source).orElse(roleArn);
        }
        return roleArn;
    }
}
