package dev.pullfix.model.fix.proof;

import dev.pullfix.model.cluster.WorkloadRef;
import java.util.Map;

/**
 * What the workload looked like just before a write: its pods and, per pod, how many image-pull failures the kubelet
 * had reported. Watching compares against it, so no clock is compared (the cluster's and this machine's may differ).
 *
 * @param failuresByPod pod name → the count of its "Failed to pull image" events
 */
public record Baseline(String namespace, WorkloadRef workload, String pod, Map<String, Integer> failuresByPod) {
    public Baseline {
        failuresByPod = Map.copyOf(failuresByPod);
    }
}
