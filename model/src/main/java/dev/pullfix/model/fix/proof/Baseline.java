package dev.pullfix.model.fix.proof;

import dev.pullfix.model.cluster.WorkloadRef;
import java.util.HashMap;
import java.util.Map;

/**
 * What the workload looked like just before a write: its pods and, per pod, the kubelet's image-pull failures so
 * far. Watching compares against it, so no clock is compared (the cluster's and this machine's may differ).
 *
 * @param failuresByPod pod name → (the text of each of its "Failed to pull image" events → that event's count)
 */
public record Baseline(String namespace, WorkloadRef workload, String pod, Map<String, Map<String, Integer>> failuresByPod,
                       boolean replacesPods) {
    /** A write that leaves the pods in place (a policy, a secret): their next pull is the test. */
    public Baseline(String namespace, WorkloadRef workload, String pod, Map<String, Map<String, Integer>> failuresByPod) {
        this(namespace, workload, pod, failuresByPod, false);
    }

    /**
     * @param replacesPods the write changed the pod template: the pods seen here are being replaced, and their
     *                     back-off retries of the old template are not the fix failing; only new pods prove it
     */
    public Baseline {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        failuresByPod.forEach((p, events) -> copy.put(p, Map.copyOf(events)));
        failuresByPod = Map.copyOf(copy);
    }
}
