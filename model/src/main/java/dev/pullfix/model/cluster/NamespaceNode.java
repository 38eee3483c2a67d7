package dev.pullfix.model.cluster;

import java.util.List;

/** A namespace with its workloads; the counts roll up the pods' failing marks. */
public record NamespaceNode(String name, List<WorkloadNode> workloads, int pods, int failingPods,
                            int failingWorkloads) {
    public boolean failing() {
        return failingPods > 0;
    }
}
