package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-rendered pod table ({@link PodTableLoader}) against the lab API server, which renders Tables as a real
 * API server does, checked row by row against the pod tree Pullfix builds from the full pods; and its fallback when a
 * server answers a Table request with a plain list (fabric8's mock).
 */
class PodTableLoaderTest {

    @TempDir
    static Path dir;
    static LabApiServer server;
    static ClusterConnection conn;

    @BeforeAll
    static void start() throws Exception {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.kubeconfig()))
                .build()) {
            for (String ns : new String[] {"shop", "batch"}) {
                c.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                        .withName(ns).endMetadata().build()).create();
            }
            Fixtures.load(c);
        }
        Path kc = dir.resolve("config");
        Files.writeString(kc, server.kubeconfig());
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir);
        conn = new ClusterConnector(env, ClusterConnector.Options.defaults().withNativeMinter(null))
                .connect(Kubeconfig.load(env, kc), null);
    }

    @AfterAll
    static void stop() {
        conn.close();
        server.close();
    }

    @Test
    void rowsAreTheServersCellsWithTheWorkloadOfThePodTreeInNamespaceAndNameOrder() {
        // pages of 2 rows: paging with continue across namespaces
        List<PodRow> rows = new PodTableLoader(2).load(conn, PodTreeLoader.Scope.allNamespaces()).orElseThrow().rows();
        ClusterSnapshot tree = new PodTreeLoader().load(conn, PodTreeLoader.Scope.allNamespaces());
        Map<String, PodInfo> pods = tree.pods().collect(Collectors.toMap(PodInfo::key, Function.identity()));
        assertThat(rows).hasSize(tree.podCount()).hasSize(9);
        assertThat(rows).extracting(r -> r.namespace() + "/" + r.name()).isSorted();
        for (PodRow r : rows) {
            PodInfo p = pods.get(r.namespace() + "/" + r.name());
            assertThat(p).as(r.name()).isNotNull();
            assertThat(r.workload()).as(r.name()).isEqualTo(p.workload());
            assertThat(r.ready()).as(r.name()).isEqualTo(p.ready());
            assertThat(r.status()).as(r.name()).isEqualTo(p.status());
            assertThat(r.restarts()).as(r.name()).isEqualTo(Integer.toString(p.restarts()));
            assertThat(r.age()).as(r.name()).matches("\\d+[smhdy]\\S*|<unknown>");
        }
        PodRow report = rows.stream().filter(r -> r.name().startsWith("report-")).findFirst().orElseThrow();
        assertThat(report.workload()).isEqualTo(new WorkloadRef(WorkloadRef.CRON_JOB, "report"));
        PodRow ui = rows.stream().filter(r -> r.name().startsWith("ui-private-")).findFirst().orElseThrow();
        assertThat(ui.status()).isEqualTo("ImagePullBackOff");
        assertThat(ui.workload()).isEqualTo(new WorkloadRef(WorkloadRef.DEPLOYMENT, "ui-private"));
    }

    @Test
    void listsOneNamespace() {
        List<PodRow> rows = new PodTableLoader().load(conn, PodTreeLoader.Scope.namespace("shop")).orElseThrow().rows();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.namespace()).isEqualTo("shop"));
        assertThat(rows).extracting(PodRow::name).contains("db-0", "debug");
    }

    @Test
    void isEmptyWhenTheServerAnswersATableRequestWithAPlainList() throws Exception {
        try (MockApiServer api = new MockApiServer(false)) {
            Fixtures.load(api.client);
            Files.createDirectories(dir.resolve("mock"));
            try (ClusterConnection c = api.connect(api.kubeconfig(dir.resolve("mock"), null))) {
                Optional<PodTableLoader.PodTable> t = new PodTableLoader().load(c, PodTreeLoader.Scope.allNamespaces());
                assertThat(t).isEmpty();
            }
        }
    }
}
