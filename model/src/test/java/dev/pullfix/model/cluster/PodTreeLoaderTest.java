package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodTreeLoaderTest {

    @TempDir
    Path dir;
    MockApiServer api;
    ClusterConnection conn;

    @BeforeEach
    void setUp() throws Exception {
        api = new MockApiServer(false);
        Fixtures.load(api.client);
        conn = api.connect(api.kubeconfig(dir, null));
    }

    @AfterEach
    void tearDown() {
        conn.close();
        api.close();
    }

    private ClusterSnapshot all() {
        return new PodTreeLoader(3).load(conn, PodTreeLoader.Scope.allNamespaces());
    }

    private static PodInfo pod(ClusterSnapshot s, String name) {
        return s.pods().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void groupsPodsUnderNamespacesAndOwningWorkloads() {
        ClusterSnapshot s = all();
        assertThat(s.namespaces()).extracting(NamespaceNode::name).containsExactly("batch", "kube-system", "shop");
        NamespaceNode shop = s.namespaces().get(2);
        assertThat(shop.workloads()).extracting(w -> w.ref().toString()).containsExactly(
                "Deployment/api", "Deployment/cart", "StatefulSet/db", "Pod/debug", "Deployment/ui-private");
        assertThat(shop.workloads().get(1).pods()).extracting(PodInfo::name)
                .containsExactly("cart-5d8f9c7b6d-7xk2p", "cart-5d8f9c7b6d-9qwer");
        assertThat(pod(s, "node-agent-x7k2p").workload()).isEqualTo(new WorkloadRef("DaemonSet", "node-agent"));
        assertThat(s.podCount()).isEqualTo(9);
        assertThat(s.clusterWide()).isTrue();
    }

    @Test
    void liftsJobPodsToTheirCronJob() {
        assertThat(pod(all(), "report-29012345-abcde").workload()).isEqualTo(new WorkloadRef("CronJob", "report"));
    }

    @Test
    void marksEveryPullFailureReasonAndTheSandboxFailure() {
        ClusterSnapshot s = all();
        Map<String, FailureReason> marks = s.pods().filter(PodInfo::failing)
                .collect(Collectors.toMap(PodInfo::name, PodInfo::failure));
        assertThat(marks).containsOnly(
                Map.entry("ui-private-7655bf59b9-jprrj", FailureReason.IMAGE_PULL_BACK_OFF),
                Map.entry("node-agent-x7k2p", FailureReason.ERR_IMAGE_PULL),
                Map.entry("report-29012345-abcde", FailureReason.CREATE_CONTAINER_CONFIG_ERROR),
                Map.entry("bad-name", FailureReason.INVALID_IMAGE_NAME),
                Map.entry("debug", FailureReason.ERR_IMAGE_PULL),
                Map.entry("api-6f7d8c9b5-zz9xq", FailureReason.FAILED_CREATE_POD_SANDBOX));
        assertThat(pod(s, "api-6f7d8c9b5-zz9xq").failureMessage()).contains("pause:3.5").contains("403 Forbidden");
        assertThat(pod(s, "cart-5d8f9c7b6d-7xk2p").failing()).isFalse();
    }

    @Test
    void rollsFailingCountsUpToWorkloadsAndNamespaces() {
        ClusterSnapshot s = all();
        NamespaceNode shop = s.namespaces().get(2);
        assertThat(shop.pods()).isEqualTo(6);
        assertThat(shop.failingPods()).isEqualTo(3);
        assertThat(shop.failingWorkloads()).isEqualTo(3);
        assertThat(shop.workloads()).filteredOn(WorkloadNode::failing).extracting(w -> w.ref().name())
                .containsExactly("api", "debug", "ui-private");
        assertThat(s.failingPodCount()).isEqualTo(6);
        ClusterSnapshot failing = s.failingOnly();
        assertThat(failing.podCount()).isEqualTo(6);
        assertThat(failing.pods()).allMatch(PodInfo::failing);
    }

    @Test
    void keepsContainersOfEveryKindWithImagePolicyStateAndNode() {
        ClusterSnapshot s = all();
        PodInfo ui = pod(s, "ui-private-7655bf59b9-jprrj");
        assertThat(ui.node()).isEqualTo(Fixtures.NODE);
        assertThat(ui.containers()).containsExactly(new ContainerInfo("ui", ContainerInfo.Kind.REGULAR,
                Fixtures.ECR_IMAGE, "IfNotPresent", ContainerInfo.State.WAITING, "ImagePullBackOff",
                "Back-off pulling image \"" + Fixtures.ECR_IMAGE + "\"", 0, false));
        assertThat(ui.status()).isEqualTo("ImagePullBackOff");
        assertThat(ui.ready()).isEqualTo("0/1");
        PodInfo agent = pod(s, "node-agent-x7k2p");
        assertThat(agent.containers()).extracting(ContainerInfo::kind)
                .containsExactly(ContainerInfo.Kind.INIT, ContainerInfo.Kind.REGULAR);
        assertThat(agent.status()).isEqualTo("Init:ErrImagePull");
        PodInfo debug = pod(s, "debug");
        assertThat(debug.containers()).extracting(ContainerInfo::kind)
                .containsExactly(ContainerInfo.Kind.REGULAR, ContainerInfo.Kind.EPHEMERAL);
        assertThat(debug.status()).isEqualTo("Running");
        assertThat(pod(s, "db-0").restarts()).isEqualTo(2);
    }

    @Test
    void listsOneNamespaceOnly() {
        ClusterSnapshot s = new PodTreeLoader().load(conn, PodTreeLoader.Scope.namespace("batch"));
        assertThat(s.namespaces()).extracting(NamespaceNode::name).containsExactly("batch");
        assertThat(s.clusterWide()).isFalse();
    }

    @Test
    void fallsBackToReadableNamespacesWhenTheClusterWideListIsForbidden() {
        var forbidden = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage("pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" at the "
                        + "cluster scope").build();
        api.server.expect().get().withPath("/api/v1/pods?limit=1000").andReturn(403, forbidden).always();
        api.server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=1000").andReturn(403, forbidden)
                .always();
        for (String ns : List.of("shop", "batch", "kube-system")) {
            api.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(ns).endMetadata().build()).create();
        }
        ClusterSnapshot s = new PodTreeLoader().load(conn, PodTreeLoader.Scope.allNamespaces());
        assertThat(s.skippedNamespaces()).containsExactly("kube-system");
        assertThat(s.namespaces()).extracting(NamespaceNode::name).containsExactly("batch", "shop");
        assertThat(s.clusterWide()).isFalse();
    }

    @Test
    void reportsForbiddenWhenNoNamespaceCanBeRead() {
        var forbidden = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage("pods is forbidden").build();
        api.server.expect().get().withPath("/api/v1/pods?limit=1000").andReturn(403, forbidden).always();
        api.server.expect().get().withPath("/api/v1/namespaces?limit=1000").andReturn(403, forbidden).always();
        api.server.expect().get().withPath("/api/v1/namespaces/shop/pods?limit=1000").andReturn(403, forbidden)
                .always();
        assertThatThrownBy(() -> new PodTreeLoader().load(conn, PodTreeLoader.Scope.allNamespaces()))
                .isInstanceOfSatisfying(ClusterError.class, e -> {
                    assertThat(e.code()).isEqualTo(ClusterError.Code.FORBIDDEN);
                    assertThat(e.args()).startsWith("list", "pods");
                });
    }

    @Test
    void keepsNoFabric8ObjectsInTheSnapshot() {
        ClusterSnapshot s = all();
        assertThat(s.pods()).allSatisfy(p -> assertThat(p.getClass().getName()).startsWith("dev.pullfix"));
        // repeated strings are shared, not copied per pod
        List<PodInfo> carts = s.pods().filter(p -> p.name().startsWith("cart-")).toList();
        assertThat(carts.get(0).containers().get(0).image()).isSameAs(carts.get(1).containers().get(0).image());
        assertThat(carts.get(0).node()).isSameAs(carts.get(1).node());
    }
}
