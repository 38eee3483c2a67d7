package dev.pullfix.model.aws;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.policy.ManagedPolicies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PureAwsHelpersTest {

    @Test
    void parsesTheCrossAccountNoResourcePolicyMessage() {
        AccessDeniedMessage m = AccessDeniedMessage.parse("User: arn:aws:sts::111122223333:assumed-role/"
                + "eks-node-role/i-0abc123def4567890 is not authorized to perform: ecr:BatchGetImage on resource: "
                + "arn:aws:ecr:us-west-2:444455556666:repository/shared/app because no resource-based policy allows "
                + "the ecr:BatchGetImage action").orElseThrow();
        assertThat(m.action()).isEqualTo("ecr:BatchGetImage");
        assertThat(m.principal()).endsWith("/i-0abc123def4567890");
        assertThat(m.resource()).isEqualTo("arn:aws:ecr:us-west-2:444455556666:repository/shared/app");
        assertThat(m.reason()).isEqualTo(AccessDeniedMessage.Reason.NO_RESOURCE_POLICY_ALLOWS);
        assertThat(m.isCrossAccount()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "because no identity-based policy allows the ecr:GetAuthorizationToken action|NO_IDENTITY_POLICY_ALLOWS",
        "with an explicit deny in a resource-based policy|NOT_STATED",
        "because an explicit deny in a resource-based policy|EXPLICIT_DENY_RESOURCE_POLICY",
        "because an explicit deny in an identity-based policy|EXPLICIT_DENY_IDENTITY_POLICY",
        "because no permissions boundary allows the ecr:BatchGetImage action|NO_PERMISSIONS_BOUNDARY_ALLOWS",
        "because an explicit deny in a service control policy|EXPLICIT_DENY_SCP",
        "because no VPC endpoint policy allows the ecr:BatchGetImage action|NO_VPC_ENDPOINT_POLICY_ALLOWS",
        "because no session policy allows the ecr:BatchGetImage action|NO_SESSION_POLICY_ALLOWS"})
    void readsTheBecauseClause(String tail, AccessDeniedMessage.Reason reason) {
        String msg = "User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: ecr:BatchGetImage "
                + "on resource: arn:aws:ecr:us-west-2:111122223333:repository/app " + tail;
        assertThat(AccessDeniedMessage.parse(msg).orElseThrow().reason()).isEqualTo(reason);
    }

    @Test
    void ignoresMessagesThatAreNotDenials() {
        assertThat(AccessDeniedMessage.parse("Rate exceeded")).isEmpty();
        assertThat(AccessDeniedMessage.parse(null)).isEmpty();
    }

    @Test
    void problemDetailsNeverCarryKeyIds() {
        AwsProblem p = AwsProblem.of(AwsProblem.Kind.INVALID_CREDENTIALS, "sts", "GetCallerIdentity",
                "The key " + ExampleKeys.ACCESS_KEY_ID + " is not valid");
        assertThat(p.detail()).doesNotContain("IOSFODNN7EXAMPLE").contains("AKIA****");
    }

    @Test
    void messageCodesFollowTheKind() {
        assertThat(AwsProblem.of(AwsProblem.Kind.SSO_LOGIN_REQUIRED, null, null, null).messageCode())
                .isEqualTo("aws.problem.ssoLoginRequired");
        assertThat(AwsProblem.of(AwsProblem.Kind.REPOSITORY_POLICY_NOT_FOUND, null, null, null).messageCode())
                .isEqualTo("aws.problem.repositoryPolicyNotFound");
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:iam::682844965773:role/path/to/NodeRole,NodeRole",
        "arn:aws:sts::682844965773:assumed-role/NodeRole/i-0abc,NodeRole", "NodeRole,NodeRole"})
    void roleNameFromAnyRoleForm(String in, String name) {
        assertThat(RoleArns.roleName(in)).isEqualTo(name);
    }

    @Test
    void kubeletSessionArnDropsThePath() {
        assertThat(RoleArns.sessionArn("arn:aws:iam::682844965773:role/eks/NodeRole", "i-0abc"))
                .hasValue("arn:aws:sts::682844965773:assumed-role/NodeRole/i-0abc");
    }

    static ImageDetail img(String digest, long pushed, String... tags) {
        return new ImageDetail("1", "r", digest, List.of(tags), Instant.ofEpochSecond(pushed), null, null, null, null);
    }

    @Test
    void nearestTagsPreferSameMinorThenNameDistance() {
        List<ImageDetail> images = List.of(img("a", 100, "v1.2.3"), img("b", 300, "1.3.0"), img("c", 200, "1.2.9"),
                img("d", 400, "main"), img("e", 50, "2.0.0"));
        assertThat(NearestTags.rank(EcrImageId.tag("1.2.4"), images, 10)).extracting(TagCandidate::tag)
                .containsExactly("v1.2.3", "1.2.9", "1.3.0", "2.0.0", "main");
    }

    @Test
    void nearestTagsByNameWhenNotAVersion() {
        List<ImageDetail> images = List.of(img("a", 100, "mian"), img("b", 300, "develop"), img("c", 200, "main-2"));
        assertThat(NearestTags.rank(EcrImageId.tag("main"), images, 2)).extracting(TagCandidate::tag)
                .containsExactly("main-2", "mian");
    }

    @Test
    void equalDistanceTagsComeNewestFirst() {
        List<ImageDetail> images = List.of(img("a", 100, "1.0.1"), img("b", 300, "1.0.3"));
        assertThat(NearestTags.rank(EcrImageId.tag("1.0.2"), images, 5)).extracting(TagCandidate::tag)
                .containsExactly("1.0.3", "1.0.1");
    }

    @ParameterizedTest
    @CsvSource({"aws:///us-west-2a/i-0abc123def4567890,i-0abc123def4567890,us-west-2a",
        "aws:////i-0abc1,i-0abc1,", "aws:///us-west-2-lax-1a/i-0f,i-0f,us-west-2-lax-1a"})
    void providerIdGivesInstanceAndZone(String providerId, String instance, String zone) {
        NodeFacts n = new NodeFacts("n", Map.of(), providerId);
        assertThat(n.instanceId()).hasValue(instance);
        assertThat(n.zone().orElse(null)).isEqualTo(zone);
    }

    @Test
    void nonAwsProviderIdHasNoInstance() {
        assertThat(new NodeFacts("kind-worker", Map.of(), "kind://docker/kind/kind-worker").instanceId()).isEmpty();
    }

    @Test
    void vpcEndpointRolesBySuffixAndType() {
        VpcEndpointInfo s3i = new VpcEndpointInfo("v", "com.amazonaws.us-west-2.s3", "Interface", "available", "vpc",
                null, false, List.of(), List.of(), List.of());
        assertThat(s3i.role()).isEqualTo(VpcEndpointInfo.Role.S3_INTERFACE);
    }

    @Test
    void ecrManagedPoliciesAreKnownOfflineAndIrrelevantOnesAreListed() {
        assertThat(ManagedPolicies.documentText(ManagedPolicies.PULL_ONLY_ARN).orElseThrow())
                .contains("ecr:BatchGetImage").doesNotContain("BatchCheckLayerAvailability");
        assertThat(ManagedPolicies.documentText("arn:aws-cn:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"))
                .isPresent();
        assertThat(ManagedPolicies.irrelevantForPull("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy")).isTrue();
        assertThat(ManagedPolicies.irrelevantForPull("arn:aws-cn:iam::aws:policy/AmazonEKS_CNI_Policy")).isTrue();
        assertThat(ManagedPolicies.irrelevantForPull("arn:aws:iam::aws:policy/AdministratorAccess")).isFalse();
        assertThat(ManagedPolicies.irrelevantForPull("arn:aws:iam::123456789012:policy/AmazonEKS_CNI_Policy")).isFalse();
    }

    @Test
    void aNodesRegionComesFromItsLabelElseFromItsProviderZone() {
        assertThat(new NodeFacts("n", Map.of("topology.kubernetes.io/region", "eu-west-1"), "aws:///us-west-2a/i-0abc1234567890def")
                .region()).contains("eu-west-1");
        assertThat(new NodeFacts("n", Map.of(), "aws:///us-west-2a/i-0abc1234567890def").region()).contains("us-west-2");
        assertThat(new NodeFacts("kind-worker", Map.of(), "kind://docker/kind/kind-worker").region()).isEmpty();
    }
}
