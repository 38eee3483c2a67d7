package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live tree against the lab API server (real streamed watches over HTTP). */
class LivePodTreeTest {

    @TempDir
    Path dir;
    LabApiServer server;
    ClusterConnection conn;
    LivePodTree live;
    final BlockingQueue<ClusterSnapshot> snapshots = new LinkedBlockingQueue<>();
    final List<DeltaBatch> batches = new CopyOnWriteArrayList<>();
    final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() {
        if (live != null) {
            live.close();
        }
        if (conn != null) {
            conn.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void startServer(int port) {
        server = LabApiServer.start(LabApiServerOptions.defaults().withPort(port));
    }

    private ClusterConnection connect() {
        Path kc = server.writeKubeconfig(dir.resolve("config"));
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir);
        return new ClusterConnector(env, ClusterConnector.Options.defaults().withRetryBackoffLimit(0)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))).connect(Kubeconfig.load(env, kc), null);
    }

    private void startLive(Duration flush) {
        live = new LivePodTree(conn, PodTreeLoader.Scope.allNamespaces(), new PodTreeLoader(), flush,
                Duration.ofMillis(400));
        live.addListener(new LivePodTree.Listener() {
            @Override
            public void onSnapshot(ClusterSnapshot s) {
                snapshots.add(s);
            }

            @Override
            public void onDeltas(DeltaBatch b) {
                batches.add(b);
            }

            @Override
            public void onConnection(ConnectionState s, ClusterError cause) {
                states.add(s);
            }
        });
        live.start();
    }

    private static Pod pod(String ns, String name, String waitingReason) {
        return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata().withNewSpec()
                .addNewContainer().withName("app").withImage("682844965773.dkr.ecr.us-west-2.amazonaws.com/app:1.0")
                .endContainer().endSpec().withNewStatus().withPhase("Pending")
                .addNewContainerStatus().withName("app").withImage("682844965773.dkr.ecr.us-west-2.amazonaws.com/app:1.0")
                .withReady(false).withRestartCount(0).withNewState().withNewWaiting().withReason(waitingReason)
                .endWaiting().endState().endContainerStatus().endStatus().build();
    }

    private List<PodDelta> awaitDeltas(Predicate<List<PodDelta>> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<PodDelta> all = batches.stream().flatMap(b -> b.changes().stream()).toList();
            if (done.test(all)) {
                return all;
            }
            Thread.sleep(50);
        }
        return batches.stream().flatMap(b -> b.changes().stream()).toList();
    }

    private void awaitState(ConnectionState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ConnectionState s = states.poll(200, TimeUnit.MILLISECONDS);
            if (s == wanted) {
                return;
            }
        }
        throw new AssertionError("never reached " + wanted + "; now " + live.state());
    }

    @Test
    void deliversTheSnapshotThenAddsUpdatesAndDeletesAsDeltas() throws Exception {
        startServer(0);
        conn = connect();
        KubernetesClient c = conn.kubernetesClient();
        c.pods().inNamespace("default").resource(pod("default", "web-1", "ContainerCreating")).create();
        startLive(Duration.ofMillis(100));
        ClusterSnapshot first = snapshots.poll(20, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.podCount()).isEqualTo(1);
        awaitState(ConnectionState.LIVE);

        c.pods().inNamespace("default").resource(pod("default", "web-2", "ContainerCreating")).create();
        c.pods().inNamespace("default").withName("web-1").editStatus(p -> {
            p.getStatus().getContainerStatuses().get(0).getState().getWaiting().setReason("ImagePullBackOff");
            return p;
        });
        c.pods().inNamespace("default").withName("web-2").delete();
        c.pods().inNamespace("default").resource(pod("default", "web-3", "ErrImagePull")).create();

        List<PodDelta> all = awaitDeltas(d -> d.stream().anyMatch(x -> x.pod().name().equals("web-3"))
                && d.stream().anyMatch(x -> x.kind() == PodDelta.Kind.MODIFIED && x.after().failing()));
        assertThat(all).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(PodDelta.Kind.MODIFIED);
            assertThat(d.before().failing()).isFalse();
            assertThat(d.after().failure()).isEqualTo(FailureReason.IMAGE_PULL_BACK_OFF);
        });
        assertThat(all).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(PodDelta.Kind.ADDED);
            assertThat(d.after().name()).isEqualTo("web-3");
        });
        // web-2 came and went: either coalesced away or seen added then deleted, never left behind
        ClusterSnapshot now = live.snapshot();
        assertThat(now.pods().map(PodInfo::name)).containsExactlyInAnyOrder("web-1", "web-3");
        DeltaBatch last = batches.get(batches.size() - 1);
        assertThat(now.namespaces().get(0).failingPods()).isEqualTo(2);
        assertThat(batches.stream().flatMap(b -> b.namespaces().stream()).reduce((a, b) -> b).orElseThrow())
                .isEqualTo(new DeltaBatch.NamespaceCounts("default", 2, 2));
        assertThat(last.isEmpty()).isFalse();
    }

    @Test
    void coalescesABurstOfChangesIntoFewBatches() throws Exception {
        startServer(0);
        conn = connect();
        startLive(Duration.ofMillis(700));
        assertThat(snapshots.poll(20, TimeUnit.SECONDS)).isNotNull();
        awaitState(ConnectionState.LIVE);
        KubernetesClient c = conn.kubernetesClient();
        for (int i = 0; i < 60; i++) {
            c.pods().inNamespace("default").resource(pod("default", "burst-" + i, "ImagePullBackOff")).create();
        }
        List<PodDelta> all = awaitDeltas(d -> d.size() >= 60);
        assertThat(all).hasSize(60).allMatch(d -> d.kind() == PodDelta.Kind.ADDED);
        assertThat(batches.size()).isLessThan(30);
        assertThat(batches.get(batches.size() - 1).workloads()).allSatisfy(w ->
                assertThat(w.workload().kind()).isEqualTo(WorkloadRef.POD));
    }

    @Test
    void saysSoWhenTheServerGoesAwayAndCatchesUpAfterItReturns() throws Exception {
        startServer(0);
        conn = connect();
        KubernetesClient c = conn.kubernetesClient();
        c.pods().inNamespace("default").resource(pod("default", "kept", "ContainerCreating")).create();
        c.pods().inNamespace("default").resource(pod("default", "gone", "ContainerCreating")).create();
        startLive(Duration.ofMillis(100));
        assertThat(snapshots.poll(20, TimeUnit.SECONDS)).isNotNull();
        awaitState(ConnectionState.LIVE);

        server.close();
        awaitState(ConnectionState.RECONNECTING);
        assertThat(live.lastError()).isNotNull();
        assertThat(live.lastError().code()).isIn(ClusterError.Code.UNREACHABLE, ClusterError.Code.SERVER_ERROR,
                ClusterError.Code.TIMEOUT);

        // back on the same port with the same certificate and token, as a restarted API server; an empty store
        server = LabApiServer.restart(server, LabApiServerOptions.defaults());
        c.pods().inNamespace("default").resource(pod("default", "kept", "ImagePullBackOff")).create();
        c.pods().inNamespace("default").resource(pod("default", "new", "ErrImagePull")).create();
        awaitState(ConnectionState.LIVE);
        List<PodDelta> all = awaitDeltas(d -> d.size() >= 3);
        assertThat(all).extracting(d -> d.kind() + " " + d.pod().name())
                .contains("MODIFIED kept", "DELETED gone", "ADDED new");
        assertThat(live.snapshot().failingPodCount()).isEqualTo(2);
    }
}
