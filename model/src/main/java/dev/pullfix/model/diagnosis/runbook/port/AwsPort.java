package dev.pullfix.model.diagnosis.runbook.port;

import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.aws.RolePolicies;
import java.util.List;
import java.util.Optional;

/**
 * What the runbook engine reads from the AWS account (read-only). Implemented over the model's AWS gateways and by
 * the lab. Missing permissions are reported as {@link CouldNotCheckException#accessDenied} with the IAM action,
 * e.g. {@code ecr:GetRepositoryPolicy}.
 */
public interface AwsPort {

    /** {@code ecr:DescribeImages} for one tag (or digest), plus a few recent tags when the tag is missing. */
    EcrImageLookup describeImage(EcrRepositoryRef repository, String tagOrDigest) throws CouldNotCheckException;

    /** {@code ecr:GetRepositoryPolicy}: the policy text, or empty when the repository has none. */
    Optional<String> repositoryPolicy(EcrRepositoryRef repository) throws CouldNotCheckException;

    /**
     * The node's IAM role: via {@code eks:DescribeNodegroup} for managed node groups, else the instance profile
     * ({@code ec2:DescribeInstances}, {@code iam:GetInstanceProfile}). Empty when it cannot be resolved.
     */
    Optional<RoleRef> nodeRole(NodeFacts node, String clusterName) throws CouldNotCheckException;

    /** {@code iam:ListAttachedRolePolicies} + {@code iam:GetPolicyVersion} + inline policies of a role. */
    RolePolicies rolePolicies(String roleName) throws CouldNotCheckException;

    /** The node's VPC, subnet, security groups and whether it has a route / egress to the internet. */
    Optional<NodeNetwork> nodeNetwork(NodeFacts node) throws CouldNotCheckException;

    /** {@code ec2:DescribeVpcEndpoints} for a VPC (all services; the engine picks the ECR/S3 ones). */
    List<VpcEndpointFacts> vpcEndpoints(String region, String vpcId) throws CouldNotCheckException;
}
