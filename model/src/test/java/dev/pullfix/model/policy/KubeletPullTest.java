package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeletPullTest {
    static final String SESSION = SeedScenarioTest.SESSION;
    static final String REPO = SeedScenarioTest.REPO;
    static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    static final String PULL_ONLY_ARN = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly";

    private final KubeletPull pull = new KubeletPull();

    private KubeletPull.Builder seed() {
        KubeletPull.Builder b = KubeletPull.builder(SESSION, REPO);
        assertThat(b.managedPolicy(READ_ONLY_ARN)).isTrue();
        return b;
    }

    @Test
    void seedRepositoryPolicyDenyMeansTheRoleCannotPullAndNamesTheStatement() {
        KubeletPull.PullVerdict v = pull.check(seed().repositoryPolicy(PolicyParser.parse(SeedScenarioTest.SEED_POLICY)).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(v.decidingStatements()).extracting(StatementRef::sid).containsOnly("new policy");
        assertThat(v.results()).filteredOn(r -> r.requirement().action().equals("ecr:GetAuthorizationToken"))
                .singleElement().satisfies(r -> assertThat(r.result().decision()).isEqualTo(Decision.ALLOW));
    }

    @Test
    void seedAfterFlippingTheEffectCanPull() {
        String flipped = SeedScenarioTest.SEED_POLICY.replace("\"Deny\"", "\"Allow\"");
        KubeletPull.PullVerdict v = pull.check(seed().repositoryPolicy(PolicyParser.parse(flipped)).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.YES);
        assertThat(v.notes()).extracting(KubeletPull.Note::code).contains("pull.managedPolicy");
    }

    @Test
    void pullOnlyPolicySufficesButBatchCheckLayerAvailabilityIsOnlyAWarning() {
        KubeletPull.Builder b = KubeletPull.builder(SESSION, REPO);
        assertThat(b.managedPolicy(PULL_ONLY_ARN)).isTrue();
        KubeletPull.PullVerdict v = pull.check(b.build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.YES);
        assertThat(v.notes()).extracting(KubeletPull.Note::code).contains("pull.checkLayerNotAllowed");
    }

    @Test
    void repositoryPolicyAloneCannotGrantTheAuthorizationToken() {
        String repoPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowPull\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + SeedScenarioTest.ROLE + "\"},\"Action\":[\"ecr:*\"]}]}";
        KubeletPull.PullVerdict v = pull.check(KubeletPull.builder(SESSION, REPO)
                .repositoryPolicy(PolicyParser.parse(repoPolicy)).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(v.results().get(0).result().reasonCode()).isEqualTo("reason.noIdentityAllow");
        assertThat(v.results().get(1).result().decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void layerBucketIsCheckedAgainstTheS3GatewayEndpointPolicy() {
        String s3Policy = "{\"Statement\":[{\"Sid\":\"Access-to-specific-bucket-only\",\"Principal\":\"*\","
                + "\"Action\":[\"s3:GetObject\"],\"Effect\":\"Allow\",\"Resource\":[\"arn:aws:s3:::some-other-bucket/*\"]}]}";
        KubeletPull.PullVerdict v = pull.check(seed()
                .endpointPolicy(KubeletPull.Path.S3_GATEWAY, "vpce-0s3", PolicyParser.parse(s3Policy)).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(v.results()).filteredOn(r -> r.requirement() == KubeletPull.S3_LAYERS).singleElement()
                .satisfies(r -> {
                    assertThat(r.resourceArn()).isEqualTo("arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*");
                    assertThat(r.result().reasonCode()).isEqualTo("reason.noEndpointAllow");
                });
    }

    @Test
    void pullThroughCacheNeedsImportAndCreateOnFirstPull() {
        KubeletPull.PullVerdict v = pull.check(seed().pullThroughCache(true, false).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(v.results()).extracting(r -> r.requirement().action())
                .contains("ecr:BatchImportUpstreamImage", "ecr:CreateRepository");
    }

    @Test
    void disabledKmsKeyBlocksThePullWithoutAskingForKmsDecrypt() {
        KubeletPull.PullVerdict v = pull.check(seed().kms(true, false).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.NO);
        assertThat(v.results()).extracting(r -> r.requirement().action()).doesNotContain("kms:Decrypt");
        assertThat(v.notes()).extracting(KubeletPull.Note::code).contains("pull.kmsKeyDisabled");
    }

    @Test
    void unknownOrganizationConditionMakesTheVerdictUnknownNotYes() {
        String repoPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OrgOnly\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"ecr:*\",\"Condition\":{\"StringNotEquals\":"
                + "{\"aws:PrincipalOrgID\":\"o-abc123\"}}}]}";
        KubeletPull.PullVerdict v = pull.check(seed().repositoryPolicy(PolicyParser.parse(repoPolicy)).build());

        assertThat(v.verdict()).isEqualTo(KubeletPull.Verdict.UNKNOWN);
        assertThat(v.decidingStatements()).extracting(StatementRef::sid).contains("OrgOnly");
    }
}
