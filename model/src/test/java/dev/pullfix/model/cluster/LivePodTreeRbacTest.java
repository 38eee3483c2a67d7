package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live tree when the cluster-wide pod list is forbidden: it watches the namespaces it could read. */
class LivePodTreeRbacTest {

    @TempDir
    Path dir;

    @Test
    void watchesTheReadableNamespacesWhenTheClusterWideListIsForbidden() throws Exception {
        try (MockApiServer api = new MockApiServer(false)) {
            var forbidden = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                    .withMessage("pods is forbidden: User \"dev\" cannot list resource \"pods\" at the cluster scope")
                    .build();
            api.server.expect().get().withPath("/api/v1/pods?limit=1000").andReturn(403, forbidden).always();
            api.server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=1000")
                    .andReturn(403, forbidden).always();
            for (String ns : List.of("shop", "kube-system")) {
                api.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                        .build()).create();
            }
            api.client.pods().inNamespace("shop").resource(Fixtures.imagePullBackOff()).create();
            BlockingQueue<ClusterSnapshot> snapshots = new LinkedBlockingQueue<>();
            List<DeltaBatch> batches = new CopyOnWriteArrayList<>();
            try (ClusterConnection conn = api.connect(api.kubeconfig(dir, null));
                 LivePodTree live = new LivePodTree(conn, PodTreeLoader.Scope.allNamespaces(), new PodTreeLoader(),
                         Duration.ofMillis(100), Duration.ofSeconds(1))) {
                live.addListener(new LivePodTree.Listener() {
                    @Override
                    public void onSnapshot(ClusterSnapshot s) {
                        snapshots.add(s);
                    }

                    @Override
                    public void onDeltas(DeltaBatch b) {
                        batches.add(b);
                    }
                });
                live.start();
                ClusterSnapshot first = snapshots.poll(30, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(first.clusterWide()).isFalse();
                assertThat(first.skippedNamespaces()).containsExactly("kube-system");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (live.state() != ConnectionState.LIVE && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(live.state()).isEqualTo(ConnectionState.LIVE);
                api.client.pods().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.PodBuilder(
                        Fixtures.imagePullBackOff()).editMetadata().withName("ui-private-7655bf59b9-second")
                        .withResourceVersion(null).withUid(null).endMetadata().build()).create();
                while (batches.stream().flatMap(b -> b.changes().stream())
                        .noneMatch(d -> d.pod().name().equals("ui-private-7655bf59b9-second"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(batches.stream().flatMap(b -> b.changes().stream()))
                        .anySatisfy(d -> {
                            assertThat(d.kind()).isEqualTo(PodDelta.Kind.ADDED);
                            assertThat(d.pod().name()).isEqualTo("ui-private-7655bf59b9-second");
                        });
                assertThat(live.snapshot().podCount()).isEqualTo(2);
            }
        }
    }
}
