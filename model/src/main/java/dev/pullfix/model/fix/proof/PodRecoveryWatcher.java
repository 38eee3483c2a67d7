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
 * failing to pull) or fails again (the kubelet reports a pull failure since the write, for a new pod or an old one),
 * or the time allowed passes. Polls the cluster port; synchronous, cancellable.
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
        return baseline(namespace, workload, pod, false);
    }

    /** As above; {@code replacesPods}: the write changed the pod template (see {@link Baseline}). */
    public Baseline baseline(String namespace, WorkloadRef workload, String pod, boolean replacesPods)
            throws CouldNotCheckException {
        Map<String, Map<String, Integer>> failures = new HashMap<>();
        for (PodFacts p : pods(namespace, workload, pod)) {
            failures.put(p.name(), pullFailures(cluster.podEvents(namespace, p.name())));
        }
        return new Baseline(namespace, workload, pod, failures, replacesPods);
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
                String failedMessage = null;
                boolean anyReady = false;
                boolean anyFailing = false;
                for (PodFacts p : pods) {
                    boolean isNew = !before.failuresByPod().containsKey(p.name());
                    states.add(new FixProof.PodState(p.name(), p.phase(), p.readyColumn(), p.statusColumn(), isNew));
                    ContainerFacts failing = p.containers().stream().filter(ContainerFacts::pullFailing).findFirst()
                            .orElse(null);
                    if (failing != null && before.replacesPods() && !isNew) {
                        // an old pod retrying the old template while the controller replaces it: not a verdict
                        anyFailing = true;
                    } else if (failing != null) {
                        anyFailing = true;
                        if (failedAgain == null) {
                            failedMessage = failedAgain(before, p, failing);
                            if (failedMessage != null) {
                                failedAgain = p;
                                failedContainer = failing;
                            }
                        }
                    } else if ("Running".equals(p.phase()) && p.containers().stream().filter(c -> !c.init())
                            .allMatch(ContainerFacts::ready) && p.containers().stream().anyMatch(c -> !c.init())) {
                        anyReady = true;
                    }
                }
                progress.accept(List.copyOf(states));
                if (failedAgain != null) {
                    return new FixProof(FixProof.Verdict.STILL_FAILING, states, failedAgain.name(),
                            failedContainer.waitingReason(), failedMessage,
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

    /**
     * The kubelet's error if {@code p} failed to pull since the baseline, else null. A pull failed again when one of
     * the pod's "Failed to pull image" events is new or counts more than before the write; its text is the error (the
     * container's waiting message says it only while ErrImagePull; during ImagePullBackOff it says "Back-off pulling
     * image"). A new pod whose failure event is not written yet counts while its state is ErrImagePull.
     */
    private String failedAgain(Baseline before, PodFacts p, ContainerFacts failing) throws CouldNotCheckException {
        Map<String, Integer> was = before.failuresByPod().getOrDefault(p.name(), Map.of());
        List<EventFacts> events = cluster.podEvents(before.namespace(), p.name());
        Map<String, Integer> now = pullFailures(events);
        EventFacts newest = null;
        for (EventFacts e : events) {
            boolean grew = e.isPullFailure() && now.get(e.message()) > was.getOrDefault(e.message(), 0);
            if (grew && (newest == null || e.lastSeen() != null && (newest.lastSeen() == null
                    || e.lastSeen().isAfter(newest.lastSeen())))) {
                newest = e;
            }
        }
        if (newest != null) {
            return newest.message();
        }
        boolean isNew = !before.failuresByPod().containsKey(p.name());
        return isNew && "ErrImagePull".equals(failing.waitingReason()) ? failing.waitingMessage() : null;
    }

    private static Map<String, Integer> pullFailures(List<EventFacts> events) {
        Map<String, Integer> n = new HashMap<>();
        for (EventFacts e : events) {
            if (e.isPullFailure()) {
                n.merge(e.message(), Math.max(1, e.count()), Integer::sum);
            }
        }
        return n;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
