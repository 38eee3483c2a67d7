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
    /** Page {@code rows} of a pod Table as kube-apiserver 1.32 writes it (PartialObjectMetadata with managedFields). */
    static String table(String namespace, List<String> columns, String... names) {
        StringBuilder sb = new StringBuilder("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":"
                + "{\"resourceVersion\":\"4711\"},\"columnDefinitions\":[");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(columns.get(i)).append("\",\"type\":\"string\","
                    + "\"format\":\"\",\"description\":\"...\",\"priority\":").append(i < 5 ? 0 : 1).append('}');
        }
        sb.append("],\"rows\":[");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"cells\":[\"").append(names[i]).append("\",\"0/1\","
                    + "\"ImagePullBackOff\",\"3 (5m ago)\",\"2d\",\"10.0.1.7\",\"ip-10-0-1-7.ec2.internal\",\"<none>\","
                    + "\"<none>\"],\"object\":{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\","
                    + "\"metadata\":{\"name\":\"").append(names[i]).append("\",\"generateName\":\"web-7d4b9c8f6d-\","
                    + "\"namespace\":\"").append(namespace).append("\",\"uid\":\"0b8f-").append(i).append("\","
                    + "\"resourceVersion\":\"4700\",\"creationTimestamp\":\"2026-12-03T10:00:00Z\",\"labels\":"
                    + "{\"app\":\"web\",\"pod-template-hash\":\"7d4b9c8f6d\"},\"ownerReferences\":[{\"apiVersion\":"
                    + "\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"web-7d4b9c8f6d\",\"uid\":\"aa\",\"controller\":true,"
                    + "\"blockOwnerDeletion\":true}],\"managedFields\":[{\"manager\":\"kube-controller-manager\","
                    + "\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":\"2026-12-03T10:00:00Z\",\"fieldsType\":"
                    + "\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:generateName\":{}}}}]}}}");
        }
        return sb.append("]}").toString();
    }

    static final List<String> KUBECTL_COLUMNS = List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node",
            "Nominated Node", "Readiness Gates");

    @Test
    void fallsBackToTheReadableNamespacesWhenTheClusterWideListIsForbidden() throws Exception {
        try (MockApiServer api = new MockApiServer(false)) {
            var forbidden = new io.fabric8.kubernetes.api.model.StatusBuilder().withStatus("Failure").withCode(403)
                    .withReason("Forbidden").withMessage("pods is forbidden").build();
            api.server.expect().get().withPath("/api/v1/pods?limit=1000").andReturn(403, forbidden).always();
            api.server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=1000")
                    .andReturn(403, forbidden).always();
            api.server.expect().get().withPath("/api/v1/namespaces/shop/pods?limit=1000")
                    .andReturn(200, table("shop", KUBECTL_COLUMNS, "web-7d4b9c8f6d-b2x9q", "web-7d4b9c8f6d-a1k8z"))
                    .always();
            for (String ns : List.of("shop", "kube-system")) {
                api.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata().withName(ns).endMetadata().build()).create();
            }
            Path kc = dir.resolve("rbac");
            Files.createDirectories(kc);
            try (ClusterConnection c = api.connect(api.kubeconfig(kc, null))) {
                PodTableLoader.PodTable t = new PodTableLoader().load(c, PodTreeLoader.Scope.allNamespaces())
                        .orElseThrow();
                assertThat(t.skippedNamespaces()).containsExactly("kube-system");
                assertThat(t.rows()).extracting(PodRow::name).containsExactly("web-7d4b9c8f6d-a1k8z",
                        "web-7d4b9c8f6d-b2x9q");
                assertThat(t.rows().get(0)).isEqualTo(new PodRow("shop", "web-7d4b9c8f6d-a1k8z", "0/1",
                        "ImagePullBackOff", "3 (5m ago)", "2d", new WorkloadRef(WorkloadRef.DEPLOYMENT, "web")));
            }
        }
    }

    @Test
    void isEmptyWhenTheTableLacksAColumnKubectlPrints() throws Exception {
        try (MockApiServer api = new MockApiServer(false)) {
            api.server.expect().get().withPath("/api/v1/pods?limit=1000")
                    .andReturn(200, table("shop", List.of("Name", "Ready", "Restarts", "Age"), "web-1")).always();
            Path kc = dir.resolve("columns");
            Files.createDirectories(kc);
            try (ClusterConnection c = api.connect(api.kubeconfig(kc, null))) {
                assertThat(new PodTableLoader().load(c, PodTreeLoader.Scope.allNamespaces())).isEmpty();
            }
        }
    }
}
