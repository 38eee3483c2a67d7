package dev.pullfix.model.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable index behind snapshots and live updates: namespace > workload > pod name > PodInfo, with failing
 * counts kept up to date on every change. Not thread-safe; its owner serialises access.
 */
final class PodTree {

    /** Counts of a namespace or workload. */
    record Counts(int pods, int failing) {
    }

    private final Map<String, Map<WorkloadRef, Map<String, PodInfo>>> byNamespace = new HashMap<>();
    private final Map<String, PodInfo> byKey = new HashMap<>();
    private final Map<String, int[]> namespaceCounts = new HashMap<>();
    private final Map<String, Map<WorkloadRef, int[]>> workloadCounts = new HashMap<>();

    int size() {
        return byKey.size();
    }

    PodInfo get(String key) {
        return byKey.get(key);
    }

    Iterable<PodInfo> all() {
        return byKey.values();
    }

    /** Adds or replaces a pod; returns the previous one or null. */
    PodInfo put(PodInfo p) {
        PodInfo prev = byKey.put(p.key(), p);
        if (prev != null) {
            unindex(prev);
        }
        byNamespace.computeIfAbsent(p.namespace(), k -> new HashMap<>())
                .computeIfAbsent(p.workload(), k -> new HashMap<>()).put(p.name(), p);
        count(p, +1);
        return prev;
    }

    /** Removes a pod; returns it or null. */
    PodInfo remove(String key) {
        PodInfo prev = byKey.remove(key);
        if (prev != null) {
            unindex(prev);
        }
        return prev;
    }

    private void unindex(PodInfo p) {
        var ws = byNamespace.get(p.namespace());
        if (ws != null) {
            var pods = ws.get(p.workload());
            if (pods != null) {
                pods.remove(p.name());
                if (pods.isEmpty()) {
                    ws.remove(p.workload());
                }
            }
            if (ws.isEmpty()) {
                byNamespace.remove(p.namespace());
            }
        }
        count(p, -1);
    }

    private void count(PodInfo p, int d) {
        int f = p.failing() ? d : 0;
        int[] n = namespaceCounts.computeIfAbsent(p.namespace(), k -> new int[2]);
        n[0] += d;
        n[1] += f;
        if (n[0] == 0) {
            namespaceCounts.remove(p.namespace());
        }
        var wm = workloadCounts.computeIfAbsent(p.namespace(), k -> new HashMap<>());
        int[] w = wm.computeIfAbsent(p.workload(), k -> new int[2]);
        w[0] += d;
        w[1] += f;
        if (w[0] == 0) {
            wm.remove(p.workload());
            if (wm.isEmpty()) {
                workloadCounts.remove(p.namespace());
            }
        }
    }

    Counts namespaceCounts(String ns) {
        int[] n = namespaceCounts.get(ns);
        return n == null ? new Counts(0, 0) : new Counts(n[0], n[1]);
    }

    Counts workloadCounts(String ns, WorkloadRef ref) {
        var wm = workloadCounts.get(ns);
        int[] w = wm == null ? null : wm.get(ref);
        return w == null ? new Counts(0, 0) : new Counts(w[0], w[1]);
    }

    ClusterSnapshot snapshot(String context, String resourceVersion, List<String> skipped, boolean clusterWide) {
        List<NamespaceNode> namespaces = new ArrayList<>(byNamespace.size());
        for (var ns : new TreeMap<>(byNamespace).entrySet()) {
            List<WorkloadNode> workloads = new ArrayList<>(ns.getValue().size());
            int pods = 0;
            int failing = 0;
            int failingWorkloads = 0;
            for (var w : new TreeMap<>(ns.getValue()).entrySet()) {
                List<PodInfo> list = new ArrayList<>(w.getValue().values());
                list.sort((a, b) -> a.name().compareTo(b.name()));
                int wf = 0;
                for (PodInfo p : list) {
                    if (p.failing()) {
                        wf++;
                    }
                }
                workloads.add(new WorkloadNode(w.getKey(), List.copyOf(list), wf));
                pods += list.size();
                failing += wf;
                if (wf > 0) {
                    failingWorkloads++;
                }
            }
            namespaces.add(new NamespaceNode(ns.getKey(), List.copyOf(workloads), pods, failing, failingWorkloads));
        }
        return new ClusterSnapshot(context, Instant.now(), resourceVersion, List.copyOf(namespaces),
                List.copyOf(skipped), clusterWide);
    }
}
