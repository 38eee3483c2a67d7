package dev.pullfix.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PullFixProposalTest {
    static final String A = "111122223333";
    static final String ROLE = "arn:aws:iam::" + A + ":role/eks-node-role";
    static final String SESSION = "arn:aws:sts::" + A + ":assumed-role/eks-node-role/i-0abc";
    static final String REPO = "arn:aws:ecr:us-west-2:" + A + ":repository/app";

    private final PullFixProposal fix = new PullFixProposal();
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private EvaluationResult eval(String policy, String principal, String action, String repo) {
        return evaluator.evaluate(new AccessRequest(principal, action, repo), PolicySet.builder()
                .identity("ReadOnly", ManagedPolicies.byArn("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly")
                        .orElseThrow().document())
                .resource("repository policy", PolicyParser.parse(policy)).build());
    }

    @Test
    void seedFixRemovesOnlyThePullActionsFromTheDeny() {
        PullFixProposal.Proposal p = fix.propose(SeedScenarioTest.SEED_POLICY, SeedScenarioTest.SESSION,
                SeedScenarioTest.REPO, true);

        assertThat(p.changed()).isTrue();
        assertThat(p.resolves()).isTrue();
        assertThat(eval(p.after(), SeedScenarioTest.SESSION, "ecr:BatchGetImage", SeedScenarioTest.REPO).decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(eval(p.after(), SeedScenarioTest.SESSION, "ecr:PutImage", SeedScenarioTest.REPO).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(p.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(PolicyDiff.Kind.ACTIONS_REMOVED);
            assertThat(c.before()).contains("ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability");
        });
        assertThat(p.notes()).extracting(PullFixProposal.Note::code).containsExactly("fix.removedPullFromDeny");
        assertThat(PolicyLint.lint(p.after(), PolicyLint.Target.RESOURCE).findings())
                .extracting(PolicyLint.Finding::code).doesNotContain("lint.writeGrant");
        assertThat(p.unifiedDiff()).anyMatch(l -> l.startsWith("-") && l.contains("ecr:BatchGetImage"));
    }

    @Test
    void aDenyThatAlsoHitsOthersIsSplitSoTheyStayDenied() {
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoOne","Effect":"Deny","Principal":"*","Action":"ecr:*"}]}""";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, true);

        assertThat(p.resolves()).isTrue();
        assertThat(eval(p.after(), SESSION, "ecr:BatchGetImage", REPO).decision()).isEqualTo(Decision.ALLOW);
        assertThat(eval(p.after(), SESSION, "ecr:DeleteRepository", REPO).decision()).isEqualTo(Decision.EXPLICIT_DENY);
        String other = "arn:aws:sts::" + A + ":assumed-role/someone-else/s";
        assertThat(eval(p.after(), other, "ecr:BatchGetImage", REPO).decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(p.notes()).extracting(PullFixProposal.Note::code).containsExactly("fix.splitDeny");
        Statement copy = PolicyParser.parse(p.after()).statements().get(1);
        assertThat(copy.notAction()).isTrue();
        assertThat(copy.actions()).containsExactlyElementsOf(PullFixProposal.PULL_ACTIONS);
    }

    @Test
    void aNarrowerWildcardIsExpandedOverTheCatalogueWithoutThePullActions() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoBatch\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"" + ROLE + "\"},\"Action\":\"ecr:Batch*\"}]}";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, true);

        assertThat(p.resolves()).isTrue();
        assertThat(PolicyParser.parse(p.after()).statements().get(0).actions())
                .contains("ecr:BatchDeleteImage", "ecr:BatchImportUpstreamImage")
                .doesNotContain("ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability", "ecr:Batch*");
    }

    @Test
    void aDenyListingTheRoleBesideOthersDropsOnlyTheRoleFromItsPrincipal() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoPull\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":[\"" + ROLE + "\",\"arn:aws:iam::" + A + ":role/ci\"]},"
                + "\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, true);

        assertThat(p.resolves()).isTrue();
        PolicyDocument after = PolicyParser.parse(p.after());
        assertThat(after.statements()).singleElement().satisfies(s ->
                assertThat(s.principal().values("AWS")).containsExactly("arn:aws:iam::" + A + ":role/ci"));
        assertThat(eval(p.after(), "arn:aws:sts::" + A + ":assumed-role/ci/x", "ecr:BatchGetImage", REPO).decision())
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void aDenyOfOnlyPullActionsForTheRoleIsRemoved() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Block\",\"Effect\":\"Deny\","
                + "\"Principal\":{\"AWS\":\"" + ROLE + "\"},\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]},"
                + "{\"Sid\":\"Keep\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + A + ":root\"},\"Action\":\"ecr:ListImages\"}]}";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, true);

        assertThat(p.resolves()).isTrue();
        assertThat(PolicyParser.parse(p.after()).statements()).extracting(Statement::sid).containsExactly("Keep");
        assertThat(p.changes()).extracting(Object::toString).containsExactly("statement `Block`: removed (Deny ecr:BatchGetImage, ecr:GetDownloadUrlForLayer)");
    }

    @Test
    void withoutIdentityPermissionsAPullOnlyAllowIsAddedAndTheTokenIsLeftToIam() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Other\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + A + ":role/ci\"},\"Action\":\"ecr:*\"}]}";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, false);

        assertThat(p.resolves()).isTrue();
        assertThat(p.notes()).extracting(PullFixProposal.Note::code).contains("fix.addedAllow", "fix.authTokenIam");
        Statement added = PolicyParser.parse(p.after()).statements().get(1);
        assertThat(added.actions()).containsExactlyElementsOf(PullFixProposal.PULL_ACTIONS);
        assertThat(added.principal().values("AWS")).containsExactly(ROLE);
    }

    @Test
    void aPolicyThatAlreadyLetsTheRolePullIsLeftAlone() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"ecr:DeleteRepository\"}]}";
        PullFixProposal.Proposal p = fix.propose(policy, SESSION, REPO, true);

        assertThat(p.changed()).isFalse();
        assertThat(p.after()).isEqualTo(policy);
        assertThat(p.notes()).extracting(PullFixProposal.Note::code).containsExactly("fix.nothingToDo");
        assertThat(p.changes()).isEqualTo(List.of());
    }

    @Test
    void aRoleOfAnotherAccountIsAllowedByTheRepositoryPolicyToo() {
        String other = "arn:aws:iam::999988887777:role/other-nodes";
        String empty = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

        assertThat(fix.propose(empty, other, REPO, true).changed()).as("the same-account view sees nothing to do").isFalse();
        PullFixProposal.Proposal p = fix.propose(empty, other, REPO, true, true);

        assertThat(p.changed()).isTrue();
        assertThat(p.resolves()).isTrue();
        assertThat(p.notes()).extracting(PullFixProposal.Note::code).containsExactly("fix.addedAllow");
        Statement added = PolicyParser.parse(p.after()).statements().get(0);
        assertThat(added.actions()).containsExactlyElementsOf(PullFixProposal.PULL_ACTIONS);
        assertThat(added.principal().values("AWS")).containsExactly(other);
    }
}
