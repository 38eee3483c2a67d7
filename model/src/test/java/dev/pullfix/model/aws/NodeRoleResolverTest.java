package dev.pullfix.model.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver over in-memory gateways (as the lab would answer). */
class NodeRoleResolverTest {
    static final String NG_ROLE = "arn:aws:iam::682844965773:role/ng-role";
    static final String IP_ROLE = "arn:aws:iam::682844965773:role/karpenter-node";
    static final String FP_ROLE = "arn:aws:iam::682844965773:role/fargate-pods";

    final Map<String, AwsResult<NodegroupInfo>> nodegroups = new HashMap<>();
    final Map<String, AwsResult<FargateProfileInfo>> fargate = new HashMap<>();
    final Map<String, AwsResult<InstanceInfo>> instances = new HashMap<>();
    final Map<String, AwsResult<InstanceProfileInfo>> profiles = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    final EksGateway eks = new EksGateway() {
        @Override
        public AwsResult<ClusterInfo> describeCluster(String c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AwsResult<NodegroupInfo> describeNodegroup(String c, String n) {
            calls.add("DescribeNodegroup " + n);
            return nodegroups.getOrDefault(n, AwsResult.failed(AwsProblem.of(AwsProblem.Kind.NOT_FOUND, "eks", "DescribeNodegroup", n)));
        }

        @Override
        public AwsResult<FargateProfileInfo> describeFargateProfile(String c, String p) {
            calls.add("DescribeFargateProfile " + p);
            return fargate.get(p);
        }

        @Override
        public AwsResult<List<String>> listFargateProfiles(String c) {
            calls.add("ListFargateProfiles");
            return AwsResult.ok(List.copyOf(fargate.keySet()));
        }
    };

    final Ec2Gateway ec2 = new Ec2Gateway() {
        @Override
        public AwsResult<InstanceInfo> describeInstance(String id) {
            calls.add("DescribeInstances " + id);
            return instances.get(id);
        }

        @Override
        public AwsResult<List<VpcEndpointInfo>> ecrPullEndpoints(String vpcId) {
            throw new UnsupportedOperationException();
        }
    };

    final IamGateway iam = new IamGateway() {
        @Override
        public AwsResult<RolePolicies> rolePolicies(String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AwsResult<InstanceProfileInfo> instanceProfile(String nameOrArn) {
            calls.add("GetInstanceProfile " + nameOrArn);
            return profiles.get(nameOrArn);
        }

        @Override
        public AwsResult<List<SimulationResult>> simulatePrincipalPolicy(String p, List<String> a, List<String> r,
                                                                         Map<String, List<String>> c) {
            throw new UnsupportedOperationException();
        }
    };

    final NodeRoleResolver resolver = new NodeRoleResolver(eks, ec2, iam);

    void instanceWithProfile(String id) {
        String ipArn = "arn:aws:iam::682844965773:instance-profile/KarpenterNodeInstanceProfile";
        instances.put(id, AwsResult.ok(new InstanceInfo(id, "running", ipArn, "vpc-1", "subnet-1", "ip-10-0-0-1", "10.0.0.1")));
        profiles.put(ipArn, AwsResult.ok(new InstanceProfileInfo("KarpenterNodeInstanceProfile", ipArn, List.of(IP_ROLE))));
    }

    @Test
    void managedNodegroupUsesDescribeNodegroup() {
        nodegroups.put("default", AwsResult.ok(new NodegroupInfo("c", "default", NG_ROLE, "ACTIVE", null, null, List.of())));
        NodeRole r = resolver.resolve("c", new NodeFacts("ip-1", Map.of("eks.amazonaws.com/nodegroup", "default"),
                "aws:///us-west-2a/i-0aaa")).value();
        assertThat(r.path()).isEqualTo(NodeRole.Path.MANAGED_NODEGROUP);
        assertThat(r.roleArn()).isEqualTo(NG_ROLE);
        assertThat(r.source()).isEqualTo("default");
        assertThat(calls).containsExactly("DescribeNodegroup default");
    }

    @Test
    void karpenterNodeGoesThroughTheInstanceProfile() {
        instanceWithProfile("i-0bbb");
        NodeRole r = resolver.resolve("c", new NodeFacts("ip-2", Map.of("karpenter.sh/nodepool", "default"),
                "aws:///us-west-2b/i-0bbb")).value();
        assertThat(r.path()).isEqualTo(NodeRole.Path.EC2_INSTANCE_PROFILE);
        assertThat(r.roleArn()).isEqualTo(IP_ROLE);
        assertThat(r.callerArn()).isEqualTo("arn:aws:sts::682844965773:assumed-role/karpenter-node/i-0bbb");
        assertThat(calls).containsExactly("DescribeInstances i-0bbb",
                "GetInstanceProfile arn:aws:iam::682844965773:instance-profile/KarpenterNodeInstanceProfile");
    }

    @Test
    void deniedDescribeNodegroupFallsBackToTheInstancePathAndSaysSo() {
        nodegroups.put("default", AwsResult.failed(new AwsProblem(AwsProblem.Kind.ACCESS_DENIED, "eks",
                "DescribeNodegroup", "AccessDeniedException", "eks:DescribeNodegroup", null, null, null)));
        instanceWithProfile("i-0ccc");
        NodeRole r = resolver.resolve("c", new NodeFacts("ip-3", Map.of("eks.amazonaws.com/nodegroup", "default"),
                "aws:///us-west-2c/i-0ccc")).value();
        assertThat(r.path()).isEqualTo(NodeRole.Path.EC2_INSTANCE_PROFILE);
        assertThat(r.skipped()).extracting(AwsProblem::missingAction).containsExactly("eks:DescribeNodegroup");
    }

    @Test
    void fargateNodeUsesTheProfileLabelsPodExecutionRole() {
        fargate.put("fp-default", AwsResult.ok(new FargateProfileInfo("c", "fp-default", FP_ROLE, "ACTIVE", List.of(),
                List.of())));
        fargate.put("fp-other", AwsResult.ok(new FargateProfileInfo("c", "fp-other", "x", "ACTIVE", List.of(), List.of())));
        NodeRole r = resolver.resolve("c", new NodeFacts("fargate-ip-192-168-1-1.us-west-2.compute.internal",
                Map.of("eks.amazonaws.com/compute-type", "fargate", "eks.amazonaws.com/fargate-profile", "fp-default"),
                "aws:///us-west-2a/8a1b2c3d4e-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c/fargate-ip-192-168-1-1")).value();
        assertThat(r.path()).isEqualTo(NodeRole.Path.FARGATE_PROFILE);
        assertThat(r.roleArn()).isEqualTo(FP_ROLE);
        assertThat(r.callerArn()).isEqualTo(FP_ROLE);
    }

    @Test
    void fargateNodeWithoutLabelUsesTheOnlyProfile() {
        fargate.put("only", AwsResult.ok(new FargateProfileInfo("c", "only", FP_ROLE, "ACTIVE", List.of(), List.of())));
        NodeRole r = resolver.resolve("c", new NodeFacts("fargate-ip-10-0-0-1", Map.of(), null)).value();
        assertThat(r.source()).isEqualTo("only");
    }

    @Test
    void fargateNodeWithoutLabelAndSeveralProfilesIsAmbiguous() {
        fargate.put("a", AwsResult.ok(new FargateProfileInfo("c", "a", FP_ROLE, "ACTIVE", List.of(), List.of())));
        fargate.put("b", AwsResult.ok(new FargateProfileInfo("c", "b", FP_ROLE, "ACTIVE", List.of(), List.of())));
        AwsProblem p = resolver.resolve("c", new NodeFacts("fargate-ip-10-0-0-1", Map.of(), null)).problem().orElseThrow();
        assertThat(p.detail()).isEqualTo("aws.node.ambiguousFargateProfile");
    }

    @Test
    void nodeWithoutProviderIdCannotBeResolved() {
        AwsProblem p = resolver.resolve("c", new NodeFacts("worker", Map.of(), null)).problem().orElseThrow();
        assertThat(p.kind()).isEqualTo(AwsProblem.Kind.UNRESOLVED);
        assertThat(p.detail()).isEqualTo("aws.node.noProviderId");
    }

    @Test
    void instanceWithoutProfileHasNoRole() {
        instances.put("i-0ddd", AwsResult.ok(new InstanceInfo("i-0ddd", "running", null, "vpc", "subnet", "dns", "ip")));
        AwsProblem p = resolver.resolve("c", new NodeFacts("n", Map.of(), "aws:///us-west-2a/i-0ddd")).problem().orElseThrow();
        assertThat(p.detail()).isEqualTo("aws.node.noInstanceProfile");
    }
}
