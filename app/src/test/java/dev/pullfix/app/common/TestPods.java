package dev.pullfix.app.common;

import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.DeltaBatch;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodDelta;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.FailureReason;
import dev.pullfix.model.cluster.WorkloadNode;
import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Pods, snapshots and deltas as the cluster package produces them (kubelet wording for the failing ones). */
public final class TestPods {
    public static final String ECR = "111122223333.dkr.ecr.us-west-2.amazonaws.com";

    private TestPods() {}

    public static PodInfo healthy(String ns, String workload, String name) {
        ContainerInfo c = new ContainerInfo("app", ContainerInfo.Kind.REGULAR, ECR + "/" + ns + "/" + workload + ":1.4.2",
                "IfNotPresent", ContainerInfo.State.RUNNING, null, null, 0, true);
        return new PodInfo(ns, name, UUID.nameUUIDFromBytes(name.getBytes()).toString(),
                new WorkloadRef(WorkloadRef.DEPLOYMENT, workload), "Running", "Running", "ip-10-42-16-4.us-west-2.compute.internal",
                Instant.parse("2026-11-20T10:00:00Z"), 1, 1, 0, null, List.of(c), null, null, "100");
    }

    public static PodInfo failing(String ns, String workload, String name) {
        String image = ECR + "/" + ns + "/" + workload + ":2.0.1";
        String msg = "Back-off pulling image \"" + image + "\"";
        ContainerInfo c = new ContainerInfo("app", ContainerInfo.Kind.REGULAR, image, "IfNotPresent",
                ContainerInfo.State.WAITING, "ImagePullBackOff", msg, 0, false);
        return new PodInfo(ns, name, UUID.nameUUIDFromBytes(name.getBytes()).toString(),
                new WorkloadRef(WorkloadRef.DEPLOYMENT, workload), "Pending", "ImagePullBackOff",
                "ip-10-42-16-4.us-west-2.compute.internal", Instant.parse("2026-11-20T10:00:00Z"), 0, 1, 0, null,
                List.of(c), FailureReason.IMAGE_PULL_BACK_OFF, msg, "101");
    }

    public static ClusterSnapshot snapshot(List<PodInfo> pods) {
        Map<String, Map<WorkloadRef, List<PodInfo>>> byNs = new TreeMap<>();
        for (PodInfo p : pods) {
            byNs.computeIfAbsent(p.namespace(), k -> new TreeMap<>()).computeIfAbsent(p.workload(), k -> new ArrayList<>())
                    .add(p);
        }
        List<NamespaceNode> out = new ArrayList<>();
        byNs.forEach((ns, ws) -> {
            List<WorkloadNode> wn = new ArrayList<>();
            int pc = 0;
            int fc = 0;
            int fw = 0;
            for (var e : ws.entrySet()) {
                int f = (int) e.getValue().stream().filter(PodInfo::failing).count();
                wn.add(new WorkloadNode(e.getKey(), e.getValue(), f));
                pc += e.getValue().size();
                fc += f;
                fw += f > 0 ? 1 : 0;
            }
            out.add(new NamespaceNode(ns, wn, pc, fc, fw));
        });
        return new ClusterSnapshot("test", Instant.now(), "1", out, List.of(), true);
    }

    public static DeltaBatch added(PodInfo p) {
        return new DeltaBatch(List.of(new PodDelta(PodDelta.Kind.ADDED, null, p)), List.of(), List.of());
    }

    public static DeltaBatch modified(PodInfo before, PodInfo after) {
        return new DeltaBatch(List.of(new PodDelta(PodDelta.Kind.MODIFIED, before, after)), List.of(), List.of());
    }

    public static DeltaBatch deleted(PodInfo p) {
        return new DeltaBatch(List.of(new PodDelta(PodDelta.Kind.DELETED, p, null)), List.of(), List.of());
    }
}
