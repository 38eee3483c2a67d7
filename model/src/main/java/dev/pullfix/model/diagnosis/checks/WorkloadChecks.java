package dev.pullfix.model.diagnosis.checks;

import static dev.pullfix.model.diagnosis.checks.CheckSupport.age;

import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Facts;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.util.List;

/** The workload family: after a fix, restart the pod's workload and see its pods running. */
public final class WorkloadChecks {
    private WorkloadChecks() {
    }

    public static void register(CheckRegistry r) {
        r.register("workload.restart", WorkloadChecks::workloadRestart);
        r.register("workload.pods-ready", WorkloadChecks::workloadPodsReady);
    }

    static CheckOutcome workloadRestart(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        WorkloadRef w = p.owner();
        if (w.restartable()) {
            return CheckOutcome.ok(Finding.of("restartProposed", w.kind(), w.name())).fix(Proposals.restart(p)).build();
        }
        return CheckOutcome.ok(Finding.of("recreateProposed", w.kind(), w.name()))
                .fix(FixProposal.Manual.of(FixKind.MANUAL, new FixProposal.Target(w.kind(), w.name(), f.namespace()),
                        "fix.recreatePod", w.kind(), w.name()))
                .build();
    }

    static CheckOutcome workloadPodsReady(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        List<PodFacts> pods = f.workloadPods(p.owner());
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pods", List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                pods.stream().map(x -> List.of(x.name(), x.readyColumn(), x.statusColumn(),
                        Integer.toString(x.containers().stream().mapToInt(ContainerFacts::restarts).sum()),
                        age(x.created(), f))).toList());
        boolean allReady = !pods.isEmpty() && pods.stream().allMatch(x -> x.containers().stream()
                .filter(c -> !c.init()).allMatch(ContainerFacts::ready));
        if (allReady) {
            return CheckOutcome.ok(Finding.of("podsRunning", p.owner().kind(), p.owner().name())).evidence(ev).build();
        }
        return CheckOutcome.problem(Finding.of("podsStillFailing", p.owner().kind(), p.owner().name())).evidence(ev).build();
    }
}
