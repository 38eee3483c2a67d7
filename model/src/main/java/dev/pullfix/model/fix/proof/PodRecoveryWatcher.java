package dev.pullfix.model.fix.proof;

import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches a workload after a write until it is proven fixed (a pod Running with every container ready, and no pod
 * failing to pull) or fails again (a pod created since the write fails to pull, or an old pod's kubelet reports a new
 * pull failure), or the time allowed passes. Polls the cluster port; synchronous, cancellable.
 */
public final class PodRecoveryWatcher {

    /** Runs the diagnosis again for the pod that still fails. */
    @FunctionalInterface
    public interface Rediagnosis {
        Diagnosis diagnose(String namespace, String pod) throws Exception;
    }

    private final ClusterPort cluster;
    private final Rediagnosis rediagnosis;
    private final Duration pollEvery;

    /** @param rediagnosis may be null: a failing pod is then reported without a new diagnosis */
    public PodRecoveryWatcher(ClusterPort cluster, Rediagnosis rediagnosis, Duration pollEvery) {
        this.cluster = cluster;
        this.rediagnosis = rediagnosis;
        this.pollEvery = pollEvery;
    }

    /** Reads the workload's pods and their pull-failure counts; call it before the write. */
    public Baseline baseline(String namespace, WorkloadRef workload, String pod) throws CouldNotCheckException {
        Map<String, Integer> failures = new HashMap<>();
        for (PodFacts p : pods(namespace, workload, pod)) {
            failures.put(p.name(), pullFailures(namespace, p.name()));
        }
        return new Baseline(namespace, workload, pod, failures);
    }

    /**
     * Watches until proven, failed again, cancelled or {@code within} passed.
     *
     * @param progress receives the pods on every poll (any thread: the caller's)
     */
    public FixProof watch(Baseline before, Duration within, CancelToken cancel, Consumer<List<FixProof.PodState>> progress) {
        long start = System.nanoTime();
        long end = start + within.toNanos();
        List<FixProof.PodState> states = List.of();
        while (true) {
            if (cancel.isCancelled()) {
                return new FixProof(FixProof.Verdict.CANCELLED, states, null, null, null, null, since(start));
            }
            try {
                List<PodFacts> pods = pods(before.namespace(), before.workload(), before.pod());
                states = new ArrayList<>();
                PodFacts failedAgain = null;
                ContainerFacts failedContainer = null;
                boolean anyReady = false;
                boolean anyFailing = false;
                for (PodFacts p : pods) {
                    boolean isNew = !before.failuresByPod().containsKey(p.name());
                    states.add(new FixProof.PodState(p.name(), p.phase(), p.readyColumn(), p.statusColumn(), isNew));
                    ContainerFacts failing = p.containers().stream().filter(ContainerFacts::pullFailing).findFirst()
                            .orElse(null);
                    if (failing != null) {
                        anyFailing = true;
                        boolean again = isNew || pullFailures(before.namespace(), p.name())
                                > before.failuresByPod().getOrDefault(p.name(), 0);
                        if (again && failedAgain == null) {
                            failedAgain = p;
                            failedContainer = failing;
                        }
                    } else if ("Running".equals(p.phase()) && p.containers().stream().filter(c -> !c.init())
                            .allMatch(ContainerFacts::ready) && p.containers().stream().anyMatch(c -> !c.init())) {
                        anyReady = true;
                    }
                }
                progress.accept(List.copyOf(states));
                if (failedAgain != null) {
                    return new FixProof(FixProof.Verdict.STILL_FAILING, states, failedAgain.name(),
                            failedContainer.waitingReason(), failedContainer.waitingMessage(),
                            rediagnose(before.namespace(), failedAgain.name()), since(start));
                }
                if (anyReady && !anyFailing) {
                    return new FixProof(FixProof.Verdict.FIXED, states, null, null, null, null, since(start));
                }
            } catch (CouldNotCheckException e) {
                // a poll that could not read: try again until the time is up
            }
            if (System.nanoTime() >= end) {
                return new FixProof(FixProof.Verdict.NOT_YET, states, null, null, null, null, since(start));
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pollEvery.toMillis(), (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FixProof(FixProof.Verdict.CANCELLED, states, null, null, null, null, since(start));
            }
        }
    }

    private Diagnosis rediagnose(String namespace, String pod) {
        if (rediagnosis == null) {
            return null;
        }
        try {
            return rediagnosis.diagnose(namespace, pod);
        } catch (Exception e) {
            return null;
        }
    }

    private List<PodFacts> pods(String namespace, WorkloadRef workload, String pod) throws CouldNotCheckException {
        if (workload == null || workload.kind().equals("Pod")) {
            try {
                return List.of(cluster.pod(namespace, pod));
            } catch (CouldNotCheckException e) {
                if (e.reason() == CouldNotCheckException.Reason.NOT_FOUND) {
                    return List.of();
                }
                throw e;
            }
        }
        return cluster.workloadPods(namespace, workload);
    }

    private int pullFailures(String namespace, String pod) throws CouldNotCheckException {
        int n = 0;
        for (EventFacts e : cluster.podEvents(namespace, pod)) {
            if (e.isPullFailure()) {
                n += Math.max(1, e.count());
            }
        }
        return n;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
