package dev.pullfix.model.cluster;

import java.util.List;

/**
 * The changes gathered over one flush interval, coalesced per pod (several updates of one pod become one delta;
 * a pod added and deleted within the interval disappears), with the new roll-up counts of every namespace and
 * workload they touched, so a view patches only what changed.
 */
public record DeltaBatch(List<PodDelta> changes, List<NamespaceCounts> namespaces, List<WorkloadCounts> workloads) {

    /** A namespace's counts after the batch; {@code pods == 0} means it is gone from the tree. */
    public record NamespaceCounts(String namespace, int pods, int failingPods) {
    }

    /** A workload's counts after the batch; {@code pods == 0} means it is gone from the tree. */
    public record WorkloadCounts(String namespace, WorkloadRef workload, int pods, int failingPods) {
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
