package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.runbook.CheckHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Scenarios;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workload family: restart after a fix, and the workload's pods running again. */
class WorkloadChecksTest {

    @Test
    void registersTheRestartAndPodsReadyChecks() {
        CheckRegistry r = new CheckRegistry();
        WorkloadChecks.register(r);
        assertThat(r.ids()).containsExactly("workload.restart", "workload.pods-ready");
    }

    @Test
    void aDeploymentIsRestartedWithARolloutRestart() {
        CheckOutcome o = run("workload.restart", Scenarios.ecrPolicyDeny(false));

        assertThat(o.fixes()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FixKind.ROLLOUT_RESTART);
            assertThat(f.summary().args()).containsExactly("Deployment", "ui-private");
            assertThat(((FixProposal.RolloutRestart) f).workload()).isEqualTo(new WorkloadRef("Deployment", "ui-private"));
        });
    }

    @Test
    void aBarePodMustBeRecreatedByHand() {
        CheckOutcome o = run("workload.restart", Scenarios.dockerHubTagMissing());

        assertThat(o.finding().code()).isEqualTo("recreateProposed");
        assertThat(o.fixes()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FixKind.MANUAL));
    }

    @Test
    void theWorkloadsPodsAreReadyOnlyWhenEveryContainerIs() {
        Scenarios.World w = Scenarios.ecrPolicyDeny(false);
        assertThat(run("workload.pods-ready", w).finding().code()).isEqualTo("podsStillFailing");

        PodFacts p = w.cluster().pods.values().iterator().next();
        ContainerFacts c = p.containers().get(0);
        w.cluster().pod(new PodFacts(p.namespace(), p.name(), "Running", p.nodeName(), p.serviceAccount(), List.of(), p.owner(),
                List.of(new ContainerFacts(c.name(), c.image(), false, true, null, null, 0)), p.created()));

        CheckOutcome o = run("workload.pods-ready", w);
        assertThat(o.verdict()).isEqualTo(Verdict.OK);
        assertThat(o.evidence().get(0).rows()).singleElement().satisfies(r -> assertThat(r.get(1)).isEqualTo("1/1"));
    }
}
