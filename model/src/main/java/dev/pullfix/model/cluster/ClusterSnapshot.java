package dev.pullfix.model.cluster;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pod tree at one moment: namespace > workload > pod > containers.
 *
 * @param context           the kubeconfig context it came from
 * @param takenAt           when the list finished
 * @param resourceVersion   the list's resourceVersion (a watch continues from here); null when listed per namespace
 * @param namespaces        namespaces in name order (only those with pods)
 * @param skippedNamespaces namespaces that could not be read (RBAC), in name order
 * @param clusterWide       whether it covers all (readable) namespaces
 */
public record ClusterSnapshot(String context, Instant takenAt, String resourceVersion, List<NamespaceNode> namespaces,
                              List<String> skippedNamespaces, boolean clusterWide) {

    public Stream<PodInfo> pods() {
        return namespaces.stream().flatMap(n -> n.workloads().stream()).flatMap(w -> w.pods().stream());
    }

    public int podCount() {
        return namespaces.stream().mapToInt(NamespaceNode::pods).sum();
    }

    public int failingPodCount() {
        return namespaces.stream().mapToInt(NamespaceNode::failingPods).sum();
    }

    /** Only the failing pods, their workloads and namespaces (for {@code --failing}). */
    public ClusterSnapshot failingOnly() {
        List<NamespaceNode> ns = namespaces.stream().filter(NamespaceNode::failing).map(n -> {
            List<WorkloadNode> ws = n.workloads().stream().filter(WorkloadNode::failing)
                    .map(w -> new WorkloadNode(w.ref(), w.pods().stream().filter(PodInfo::failing).toList(),
                            w.failingPods()))
                    .toList();
            return new NamespaceNode(n.name(), ws, n.failingPods(), n.failingPods(), ws.size());
        }).toList();
        return new ClusterSnapshot(context, takenAt, resourceVersion, ns, skippedNamespaces, clusterWide);
    }
}
