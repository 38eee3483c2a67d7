package dev.pullfix.model.cluster;

import java.util.List;

/** A workload in a namespace with its pods; {@code failingPods} rolls up the pods' marks. */
public record WorkloadNode(WorkloadRef ref, List<PodInfo> pods, int failingPods) {
    public boolean failing() {
        return failingPods > 0;
    }
}
