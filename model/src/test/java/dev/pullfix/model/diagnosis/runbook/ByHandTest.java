package dev.pullfix.model.diagnosis.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.aws.PolicyDocumentRef;
import dev.pullfix.model.aws.RolePolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runbooks opened by hand, and checks that refuse to guess. */
class ByHandTest {

    @Test
    void aRunbookOpenedByHandIsWalkedEvenWhenTheCauseLiesElsewhere() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        Diagnosis d = Engines.engine(w, Engines.options()).diagnose(
                new DiagnosisEngine.Request(w.namespace(), w.pod(), "node-iam-role", null), new CancelToken(), ProgressListener.NONE);

        assertThat(d.startRunbook()).isEqualTo("node-iam-role");
        assertThat(SeedScenariosTest.verdicts(d)).containsExactly("1:PROBLEM", "2.1:OK", "2.2:OK", "3:COULD_NOT_CHECK", "4:OK",
                "5.1:OK", "5.2:SKIPPED", "5.3:COULD_NOT_CHECK", "6:OK", "6.1:PENDING");
        assertThat(d.finding()).isNull();
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.steps().get(5).outcome().finding().code()).isEqualTo("publicPathToEcr");
    }

    @Test
    void runsTheAfterFixStepsWhenAskedToVerifyAFix() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        Diagnosis d = Engines.engine(w, Engines.options().withRunAfterFix(true))
                .diagnose(DiagnosisEngine.Request.of(w.namespace(), w.pod()), new CancelToken(), ProgressListener.NONE);

        StepResult seven = d.steps().get(6);
        assertThat(seven.step().number()).isEqualTo("7");
        assertThat(seven.verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(seven.outcome().finding().code()).isEqualTo("podsStillFailing");
        assertThat(d.cause()).isEqualTo("FORBIDDEN_POLICY");
        assertThat(d.finding().code()).isEqualTo("repositoryPolicyDenies");
    }

    @Test
    void doesNotBlameTheNodeRoleWhenOneOfItsPoliciesCouldNotBeRead() {
        Scenarios.World w = Scenarios.nodeRoleWithoutEcr(false);
        RolePolicies rp = w.aws().rolePolicies.get(Scenarios.SHOP_ROLE);
        List<PolicyDocumentRef> attached = new java.util.ArrayList<>(rp.attached());
        attached.add(PolicyDocumentRef.attached("team-ecr-pull", "arn:aws:iam::111122223333:policy/team-ecr-pull", null));
        w.aws().rolePolicies.put(Scenarios.SHOP_ROLE, RolePolicies.of(Scenarios.SHOP_ROLE, attached, List.of()));

        Diagnosis d = Engines.diagnose(w);

        StepResult nodeRole = d.steps().get(1);
        assertThat(nodeRole.step().number()).isEqualTo("2.1");
        assertThat(nodeRole.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(nodeRole.outcome().reason()).isEqualTo(CouldNotCheckException.Reason.ACCESS_DENIED);
        assertThat(nodeRole.outcome().permission()).isEqualTo("iam:GetPolicyVersion");
        assertThat(d.fixes()).extracting(FixProposal::kind).doesNotContain(FixKind.NODE_ROLE_ATTACH_POLICY);
    }

    @Test
    void stopsAtTheFirstStepWhenThePodDoesNotExist() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        Diagnosis d = Engines.engine(w, Engines.options()).diagnose(DiagnosisEngine.Request.of("default", "no-such-pod"),
                new CancelToken(), ProgressListener.NONE);

        assertThat(d.podUnreadable()).contains(CouldNotCheckException.Reason.NOT_FOUND);
        assertThat(d.steps()).hasSize(1);
        assertThat(d.fixes()).isEmpty();
        assertThat(w.aws().calls("ecr:GetRepositoryPolicy")).isZero();
    }
}
