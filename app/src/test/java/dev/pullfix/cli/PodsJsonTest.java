package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.FailureReason;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.WorkloadNode;
import dev.pullfix.model.cluster.WorkloadRef;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code pods --json} written token by token ({@link PodsJson}) is the very text the command printed when it built
 * records of the whole tree and serialized them through {@link Output#json} (the reference model below, the
 * command's documented fields): same fields, order, indentation, nulls, masking and control-character removal.
 */
class PodsJsonTest {

    record Tree(String context, String takenAt, boolean clusterWide, String resourceVersion,
                List<String> skippedNamespaces, Summary summary, List<Namespace> namespaces) {}

    record Summary(int pods, int failingPods) {}

    record Namespace(String name, int podCount, int failingPods, int failingWorkloads, List<Workload> workloads) {}

    record Workload(String kind, String name, int podCount, int failingPods, List<Pod> pods) {}

    record Pod(String name, String uid, String phase, String status, String ready, int restarts, String node,
               String created, boolean failing, String failure, String failureMessage, List<Container> containers) {}

    record Container(String name, String kind, String image, String imagePullPolicy, String state, String reason,
                     String message, int restartCount, boolean ready) {}

    static Tree reference(ClusterSnapshot s) {
        return new Tree(s.context(), s.takenAt().toString(), s.clusterWide(), s.resourceVersion(),
                List.copyOf(s.skippedNamespaces()), new Summary(s.podCount(), s.failingPodCount()),
                s.namespaces().stream().map(n -> new Namespace(n.name(), n.pods(), n.failingPods(),
                        n.failingWorkloads(), n.workloads().stream().map(w -> new Workload(w.ref().kind(),
                                w.ref().name(), w.pods().size(), w.failingPods(),
                                w.pods().stream().map(PodsJsonTest::pod).toList())).toList())).toList());
    }

    private static Pod pod(PodInfo p) {
        return new Pod(p.name(), p.uid(), p.phase(), p.status(), p.ready(), p.restarts(), p.node(),
                p.created() == null ? null : p.created().toString(), p.failing(),
                p.failure() == null ? null : p.failure().reason(), Output.untrusted(p.failureMessage()),
                p.containers().stream().map(c -> new Container(c.name(), c.kind().name().toLowerCase(Locale.ROOT),
                        c.image(), c.imagePullPolicy(), c.state().name().toLowerCase(Locale.ROOT), c.reason(),
                        Output.untrusted(c.message()), c.restartCount(), c.ready())).toList());
    }

    static ClusterSnapshot snapshot() {
        String evil = "\u001B]0;pwned\u0007Back-off pulling image \"ui:1\": docker login --password hunter2hunter2";
        ContainerInfo failingContainer = new ContainerInfo("ui", ContainerInfo.Kind.REGULAR,
                "682844965773.dkr.ecr.us-west-2.amazonaws.com/ui:1", "IfNotPresent", ContainerInfo.State.WAITING,
                "ImagePullBackOff", evil, 0, false);
        ContainerInfo init = new ContainerInfo("init", ContainerInfo.Kind.INIT, "busybox", null,
                ContainerInfo.State.TERMINATED, "Completed", null, 0, false);
        ContainerInfo running = new ContainerInfo("db", ContainerInfo.Kind.REGULAR, "postgres:16", "Always",
                ContainerInfo.State.RUNNING, null, null, 2, true);
        PodInfo ui = new PodInfo("shop", "ui-7655bf59b9-jprrj", "uid-1", new WorkloadRef("Deployment", "ui"), "Pending",
                "ImagePullBackOff", "ip-10-0-0-1.ec2.internal", Instant.parse("2026-12-01T10:00:00Z"), 0, 1, 0, null,
                List.of(init, failingContainer), FailureReason.IMAGE_PULL_BACK_OFF, evil, "12");
        PodInfo db = new PodInfo("shop", "db-0", "uid-2", new WorkloadRef("StatefulSet", "db"), "Running", "Running",
                null, null, 1, 1, 2, Instant.parse("2026-12-01T11:00:00Z"), List.of(running), null, null, "13");
        PodInfo bare = new PodInfo("batch", "debug", "uid-3", new WorkloadRef("Pod", "debug"), "Running", "Running",
                "node-\"quoted\"", Instant.parse("2026-12-02T00:00:00Z"), 1, 1, 0, null, List.of(running), null, null,
                "14");
        return new ClusterSnapshot("ctx", Instant.parse("2026-12-05T00:00:00Z"), "99", List.of(
                new NamespaceNode("batch", List.of(new WorkloadNode(bare.workload(), List.of(bare), 0)), 1, 0, 0),
                new NamespaceNode("shop", List.of(new WorkloadNode(db.workload(), List.of(db), 0),
                        new WorkloadNode(ui.workload(), List.of(ui), 1)), 2, 1, 1)),
                List.of("kube-system"), false);
    }

    @Test
    void writesTheTextTheRecordTreePrinted() {
        ClusterSnapshot s = snapshot();
        StringWriter out = new StringWriter();
        PodsJson.write(s, out);
        assertThat(out.toString()).isEqualTo(Output.json(reference(s), true) + System.lineSeparator());
        assertThat(out.toString()).doesNotContain("hunter2").doesNotContain("\u001B").contains("[REDACTED]")
                .contains("\"failureMessage\" : null").contains("\"skippedNamespaces\" : [ \"kube-system\" ]");
    }

    @Test
    void writesTheFailingOnlyTreeAlike() {
        ClusterSnapshot s = snapshot().failingOnly();
        StringWriter out = new StringWriter();
        PodsJson.write(s, out);
        assertThat(out.toString()).isEqualTo(Output.json(reference(s), true) + System.lineSeparator());
    }
}
