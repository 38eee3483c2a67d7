package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the role that pulls images for pods on a node: managed node group → {@code DescribeNodegroup}; Fargate →
 * the profile's pod execution role; self-managed or Karpenter (and managed, when DescribeNodegroup is not
 * allowed) → the node's providerID → EC2 instance → instance profile → role. Says which path answered.
 */
public final class NodeRoleResolver {
    private final EksGateway eks;
    private final Ec2Gateway ec2;
    private final IamGateway iam;

    public NodeRoleResolver(EksGateway eks, Ec2Gateway ec2, IamGateway iam) {
        this.eks = Objects.requireNonNull(eks);
        this.ec2 = Objects.requireNonNull(ec2);
        this.iam = Objects.requireNonNull(iam);
    }

    public AwsResult<NodeRole> resolve(String clusterName, NodeFacts node) {
        List<AwsProblem> skipped = new ArrayList<>();
        if (node.fargate()) {
            return fargate(clusterName, node);
        }
        if (node.nodegroup().isPresent()) {
            String ng = node.nodegroup().get();
            AwsResult<NodegroupInfo> r = eks.describeNodegroup(clusterName, ng);
            if (r.isOk() && r.value().nodeRole() != null) {
                return AwsResult.ok(new NodeRole(r.value().nodeRole(), NodeRole.Path.MANAGED_NODEGROUP, ng, null,
                        List.of()));
            }
            AwsProblem p = r.problem().orElse(AwsProblem.unresolved("aws.node.noNodeRole"));
            if (p.isCredentialProblem() || node.instanceId().isEmpty()) {
                return AwsResult.failed(p);
            }
            skipped.add(p);
        }
        if (node.instanceId().isEmpty()) {
            return AwsResult.failed(AwsProblem.unresolved("aws.node.noProviderId"));
        }
        String instanceId = node.instanceId().get();
        AwsResult<InstanceInfo> inst = ec2.describeInstance(instanceId);
        if (!inst.isOk()) {
            return AwsResult.failed(inst.problem().orElseThrow());
        }
        String profileArn = inst.value().instanceProfileArn();
        if (profileArn == null) {
            return AwsResult.failed(AwsProblem.unresolved("aws.node.noInstanceProfile"));
        }
        AwsResult<InstanceProfileInfo> ip = iam.instanceProfile(profileArn);
        if (!ip.isOk()) {
            return AwsResult.failed(ip.problem().orElseThrow());
        }
        if (ip.value().roleArns().isEmpty()) {
            return AwsResult.failed(AwsProblem.unresolved("aws.node.instanceProfileWithoutRole"));
        }
        return AwsResult.ok(new NodeRole(ip.value().roleArns().get(0), NodeRole.Path.EC2_INSTANCE_PROFILE, instanceId,
                profileArn, skipped));
    }

    private AwsResult<NodeRole> fargate(String clusterName, NodeFacts node) {
        String profile = node.fargateProfile().orElse(null);
        if (profile == null) {
            AwsResult<List<String>> names = eks.listFargateProfiles(clusterName);
            if (!names.isOk()) {
                return AwsResult.failed(names.problem().orElseThrow());
            }
            if (names.value().size() != 1) {
                return AwsResult.failed(AwsProblem.unresolved(names.value().isEmpty()
                        ? "aws.node.noFargateProfile" : "aws.node.ambiguousFargateProfile"));
            }
            profile = names.value().get(0);
        }
        String chosen = profile;
        return eks.describeFargateProfile(clusterName, profile).flatMap(f -> f.podExecutionRoleArn() == null
                ? AwsResult.failed(AwsProblem.unresolved("aws.node.noPodExecutionRole"))
                : AwsResult.ok(new NodeRole(f.podExecutionRoleArn(), NodeRole.Path.FARGATE_PROFILE, chosen, null,
                        List.of())));
    }
}
