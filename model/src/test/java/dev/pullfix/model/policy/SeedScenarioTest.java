package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Seed 000: the repository policy denies the node role while the role has AmazonEC2ContainerRegistryReadOnly. */
class SeedScenarioTest {
    static final String ROLE = "arn:aws:iam::682844965773:role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD";
    static final String SESSION = "arn:aws:sts::682844965773:assumed-role/eksctl-eks-workshop-nodegroup-defa-NodeInstanceRole-Fa4f8r6uT7UD/i-0abc1234567890def";
    static final String REPO = "arn:aws:ecr:us-west-2:682844965773:repository/retail-sample-app-ui";
    /** The policyText exactly as `aws ecr get-repository-policy` printed it in the seed. */
    static final String SEED_POLICY = "{\n  \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ {\n    \"Sid\" : \"new policy\",\n    \"Effect\" : \"Deny\",\n    \"Principal\" : {\n      \"AWS\" : \"" + ROLE + "\"\n    },\n    \"Action\" : [ \"ecr:UploadLayerPart\", \"ecr:SetRepositoryPolicy\", \"ecr:PutImage\", \"ecr:ListImages\", \"ecr:InitiateLayerUpload\", \"ecr:GetRepositoryPolicy\", \"ecr:GetDownloadUrlForLayer\", \"ecr:DescribeRepositories\", \"ecr:DeleteRepositoryPolicy\", \"ecr:DeleteRepository\", \"ecr:CompleteLayerUpload\", \"ecr:BatchGetImage\", \"ecr:BatchDeleteImage\", \"ecr:BatchCheckLayerAvailability\" ]\n  } ]\n}";
    static final String READ_ONLY = "{ \"Version\" : \"2012-10-17\", \"Statement\" : [ { \"Effect\" : \"Allow\", \"Action\" : [ \"ecr:GetAuthorizationToken\", \"ecr:BatchCheckLayerAvailability\", \"ecr:GetDownloadUrlForLayer\", \"ecr:GetRepositoryPolicy\", \"ecr:DescribeRepositories\", \"ecr:ListImages\", \"ecr:DescribeImages\", \"ecr:BatchGetImage\", \"ecr:GetLifecyclePolicy\", \"ecr:GetLifecyclePolicyPreview\", \"ecr:ListTagsForResource\", \"ecr:DescribeImageScanFindings\" ], \"Resource\" : \"*\" } ] }";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private PolicySet policies(String repoPolicy) {
        return PolicySet.builder()
                .identity("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", PolicyParser.parse(READ_ONLY))
                .resource("repository policy", PolicyParser.parse(repoPolicy))
                .build();
    }

    @Test
    void deniesTheKubeletSessionWhenTheRepositoryPolicyDeniesTheNodeRole() {
        EvaluationResult r = evaluator.evaluate(new AccessRequest(SESSION, "ecr:BatchGetImage", REPO), policies(SEED_POLICY));

        assertThat(r.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(r.statements()).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo("new policy");
            assertThat(s.kind()).isEqualTo(PolicyKind.RESOURCE);
            assertThat(s.effect()).isEqualTo(Effect.DENY);
            assertThat(s.span().line()).isEqualTo(3);
        });
    }

    @Test
    void allowsOnceTheDenyIsFlippedToAllow() {
        String flipped = SEED_POLICY.replace("\"Deny\"", "\"Allow\"");
        EvaluationResult r = evaluator.evaluate(new AccessRequest(SESSION, "ecr:BatchGetImage", REPO), policies(flipped));

        assertThat(r.decision()).isEqualTo(Decision.ALLOW);
        assertThat(r.statements()).extracting(StatementRef::kind).contains(PolicyKind.IDENTITY);
    }
}
