package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.policy.ManagedPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IAM family: the node role's identity policies for what the kubelet needs, and IRSA. */
class IamChecksTest {

    @Test
    void registersTheNodeRoleAndIrsaChecks() {
        CheckRegistry r = new CheckRegistry();
        IamChecks.register(r);
        assertThat(r.ids()).containsExactly("iam.node-role-policies", "k8s.irsa");
    }

    @Test
    void theShippedReadOnlyDocumentStandsInWhenIamDoesNotReturnIt() {
        CheckOutcome o = run("iam.node-role-policies", Scenarios.ecrPolicyDeny(false));

        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.finding().code()).isEqualTo("nodeRoleAllowsPull");
        assertThat(o.evidence().get(1).rows()).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                "ecr:GetAuthorizationToken ALLOW", "ecr:BatchGetImage ALLOW", "ecr:GetDownloadUrlForLayer ALLOW");
    }

    @Test
    void aRoleWithoutAnEcrPolicyIsOfferedTheReadOnlyManagedPolicy() {
        CheckOutcome o = run("iam.node-role-policies", Scenarios.nodeRoleWithoutEcr(false));

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().cause()).isEqualTo("ECR_TOKEN_OR_AUTH");
        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.NODE_ROLE_ATTACH_POLICY);
            FixProposal.NodeRoleAttachPolicy attach = (FixProposal.NodeRoleAttachPolicy) f;
            assertThat(attach.policyArn()).isEqualTo(ManagedPolicies.READ_ONLY_ARN);
            assertThat(attach.alternativeArn()).isEqualTo(ManagedPolicies.PULL_ONLY_ARN);
            assertThat(attach.role()).isEqualTo(Scenarios.SHOP_ROLE);
        });
    }

    @Test
    void anUnknownManagedPolicyThatCannotBeReadIsNotGuessed() {
        Scenarios.World w = Scenarios.nodeRoleWithoutEcr(false);
        w.aws().rolePolicies.put(Scenarios.SHOP_ROLE, RolePolicies.of(Scenarios.SHOP_ROLE, List.of(
                PolicyDocumentRef.attached("CustomEcr", "arn:aws:iam::111122223333:policy/CustomEcr", null)), List.of()));

        CheckOutcome o = run("iam.node-role-policies", w);

        assertThat(o.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(o.reason()).isEqualTo(CouldNotCheckException.Reason.ACCESS_DENIED);
        assertThat(o.permission()).isEqualTo("iam:GetPolicyVersion");
    }

    @Test
    void anIrsaRoleThatCouldPullDoesNotHelpTheKubelet() {
        CheckOutcome o = run("k8s.irsa", Scenarios.nodeRoleWithoutEcr(true));

        assertThat(o.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(o.finding().code()).isEqualTo("irsaNotUsedForPulls");
        assertThat(o.fixes()).extracting(f -> f.kind()).containsExactly(FixKind.NODE_ROLE_ATTACH_POLICY);
    }

    @Test
    void withoutIrsaThereIsNothingToSay() {
        assertThat(run("k8s.irsa", Scenarios.nodeRoleWithoutEcr(false)).finding().code()).isEqualTo("irsaNotUsed");
    }
}
