package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.PullFixProposal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ECR family: the image in its repository and the repository policy, with PullFixProposal's edit as the fix. */
class EcrChecksTest {
    static final String OTHER_ACCOUNT_ROLE = "arn:aws:iam::999988887777:role/other-nodes";

    /** The decision with the role's identity side holding AWS's ReadOnly policy. */
    static PolicyJudge.Decision decision(String policy, String principal, String action) {
        return new PolicyEvaluatorJudge().judge(new PolicyJudge.AccessQuestion(principal, action, Scenarios.UI_REPO.arn()),
                List.of(new PolicyJudge.PolicySource(ManagedPolicies.READ_ONLY_ARN, PolicyJudge.PolicySource.Kind.IDENTITY,
                                ManagedPolicies.documentText(ManagedPolicies.READ_ONLY_ARN).orElseThrow()),
                        new PolicyJudge.PolicySource("repo", PolicyJudge.PolicySource.Kind.RESOURCE, policy))).decision();
    }

    @Test
    void registersTheImageAndRepositoryPolicyChecks() {
        CheckRegistry r = new CheckRegistry();
        EcrChecks.register(r);
        assertThat(r.ids()).containsExactly("ecr.image", "ecr.repository-policy");
    }

    @Test
    void aFoundImageShowsTheDescribeImagesAnswer() {
        CheckOutcome o = run("ecr.image", Scenarios.ecrPolicyDeny(false));

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.evidence().get(0).body()).contains("\"repositoryName\" : \"retail-sample-app-ui\"")
                .contains("\"imageTags\" : [ \"0.4.0\" ]");
    }

    @Test
    void aTagNeverPushedProposesTheNewestPushedTagAndAPush() {
        CheckOutcome o = run("ecr.image", Scenarios.tagNeverPushed());

        assertThat(o.finding().cause()).isEqualTo("TAG_NOT_FOUND");
        assertThat(o.fixes()).extracting(FixProposal::kind).containsExactly(FixKind.IMAGE_TAG_CHANGE, FixKind.MANUAL);
        FixProposal.ImageTagChange tag = (FixProposal.ImageTagChange) o.fixes().get(0);
        assertThat(tag.suggestedTag()).contains("0.4.0");
        assertThat(tag.container()).isEqualTo("ui");
        assertThat(tag.summary().args()).containsExactly("ui", "0.4.1", "0.4.0");
    }

    @Test
    void theDenyOnTheNodeRoleIsFoundAndItsFixIsTheMinimalEdit() {
        CheckOutcome o = run("ecr.repository-policy", Scenarios.ecrPolicyDeny(false));

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("repositoryPolicyDenies");
        FixProposal.EcrPolicyEdit fix = (FixProposal.EcrPolicyEdit) o.fixes().get(0);
        assertThat(fix.summary().key()).isEqualTo("fix.ecrPolicyLiftDeny");
        assertThat(fix.proposedPolicy()).isEqualTo(new PullFixProposal().propose(Scenarios.SEED_POLICY,
                Scenarios.ROLE_ARN, Scenarios.UI_REPO.arn(), true).after());
    }

    @Test
    void aNodeRoleOfAnotherAccountWithoutARepositoryPolicyIsGivenAnAllowOfThePullActionsOnly() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().repositoryPolicies.clear();
        w.aws().nodeRoles.put(Scenarios.NODE, RoleRef.ofArn(OTHER_ACCOUNT_ROLE, "test"));

        CheckOutcome o = run("ecr.repository-policy", w);

        assertThat(o.finding().code()).isEqualTo("crossAccountNeedsRepositoryPolicy");
        FixProposal.EcrPolicyEdit fix = (FixProposal.EcrPolicyEdit) o.fixes().get(0);
        assertThat(fix.summary().key()).isEqualTo("fix.ecrPolicyAddAllow");
        assertThat(fix.resolves()).isTrue();
        assertThat(fix.crossAccount()).isTrue();
        String proposed = fix.proposedPolicy();
        String session = "arn:aws:sts::999988887777:assumed-role/other-nodes/i-0abc1234567890def";
        assertThat(decision(FixProposal.EcrPolicyEdit.EMPTY_POLICY, session, "ecr:BatchGetImage")).isNotEqualTo(PolicyJudge.Decision.ALLOW);
        assertThat(decision(proposed, session, "ecr:BatchGetImage")).isEqualTo(PolicyJudge.Decision.ALLOW);
        assertThat(decision(proposed, session, "ecr:PutImage")).isEqualTo(PolicyJudge.Decision.IMPLICIT_DENY);
        assertThat(proposed).contains(OTHER_ACCOUNT_ROLE).doesNotContain("\"*\"");
    }

    @Test
    void aSameAccountRepositoryWithoutPolicyIsFine() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        w.aws().repositoryPolicies.clear();

        CheckOutcome o = run("ecr.repository-policy", w);

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.finding().code()).isEqualTo("noRepositoryPolicy");
    }

    @Test
    void otherRegistriesAreSkipped() {
        assertThat(run("ecr.repository-policy", Scenarios.dockerHubTagMissing()).verdict()).isEqualTo(Verdict.SKIPPED);
    }
}
