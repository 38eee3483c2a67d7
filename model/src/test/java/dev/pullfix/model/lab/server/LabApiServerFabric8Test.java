package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the lab API server with the fabric8 client (JDK HTTP client), as the app does against a real cluster. */
class LabApiServerFabric8Test {
    private static LabApiServer server;
    private static KubernetesClient client;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static HttpClient HTTP;

    @BeforeAll
    static void start() {
        // HTTPS with the server's own CA, the bearer token required (the defaults): fabric8 takes both from the kubeconfig
        server = LabApiServer.start(LabApiServerOptions.defaults().withBookmarkInterval(Duration.ofMillis(300)));
        HTTP = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();
        Config config = Config.fromKubeconfig(server.kubeconfig());
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String newNamespace() {
        String ns = "t" + SEQ.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        return ns;
    }

    static Pod pod(String name, String image, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec().build();
    }

    static Deployment deployment(String name, String image) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("api").withImage(image).endContainer()
                .addNewContainer().withName("sidecar").withImage("envoyproxy/envoy:v1.31").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + server.token());
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createSetsUidResourceVersionAndCreationTimestampAndGetReturnsTheSameObject() {
        String ns = newNamespace();
        Pod created = client.pods().inNamespace(ns).resource(pod("web", "nginx:1.27", Map.of("app", "web"))).create();
        assertThat(created.getMetadata().getUid()).matches("[0-9a-f-]{36}");
        assertThat(Long.parseLong(created.getMetadata().getResourceVersion())).isPositive();
        assertThat(created.getMetadata().getCreationTimestamp()).endsWith("Z");
        Pod got = client.pods().inNamespace(ns).withName("web").get();
        assertThat(got.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(got.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
        assertThat(got.getStatus().getPhase()).isEqualTo("Pending");
    }

    @Test
    void generateNameGivesEachCreateAFreshName() {
        String ns = newNamespace();
        Pod p = new PodBuilder(pod(null, "nginx", Map.of())).editMetadata().withName(null).withGenerateName("job-").endMetadata().build();
        Pod a = client.pods().inNamespace(ns).resource(p).create();
        Pod b = client.pods().inNamespace(ns).resource(p).create();
        assertThat(a.getMetadata().getName()).startsWith("job-").hasSize(9).isNotEqualTo(b.getMetadata().getName());
    }

    @Test
    void creatingTwiceIsAnAlreadyExistsConflict() {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("twice", "nginx", Map.of())).create();
        assertThatThrownBy(() -> client.pods().inNamespace(ns).resource(pod("twice", "nginx", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                });
    }

    @Test
    void creatingInAMissingNamespaceIsNotFound() {
        assertThatThrownBy(() -> client.pods().inNamespace("no-such-ns").resource(pod("x", "nginx", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void updateWithAStaleResourceVersionIsAConflictAndAFreshOneSucceeds() {
        String ns = newNamespace();
        ConfigMap cm = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("cfg")
                .endMetadata().addToData("a", "1").build()).create();
        ConfigMap fresh = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder(cm).addToData("a", "2").build()).update();
        assertThat(Long.parseLong(fresh.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(cm.getMetadata().getResourceVersion()));
        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder(cm).addToData("a", "3").build()).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getMessage()).contains("the object has been modified");
                });
        assertThat(client.configMaps().inNamespace(ns).withName("cfg").get().getData()).containsEntry("a", "2");
    }

    @Test
    void aMissingObjectIsA404WithAStatusBody() throws Exception {
        assertThat(client.pods().inNamespace("default").withName("ghost").get()).isNull();
        HttpResponse<String> r = get("/api/v1/namespaces/default/pods/ghost", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        JsonNode status = Json.MAPPER.readTree(r.body());
        assertThat(status.path("kind").asText()).isEqualTo("Status");
        assertThat(status.path("reason").asText()).isEqualTo("NotFound");
        assertThat(status.path("message").asText()).isEqualTo("pods \"ghost\" not found");
        assertThat(status.path("details").path("kind").asText()).isEqualTo("pods");
    }

    @Test
    void unknownPathsAndProtobufOnlyRequestsGetStatusErrorsNotHangs() throws Exception {
        HttpResponse<String> unknown = get("/apis/example.com/v1/widgets", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(unknown.body()).path("kind").asText()).isEqualTo("Status");
        HttpResponse<String> proto = get("/api/v1/pods", "application/vnd.kubernetes.protobuf");
        assertThat(proto.statusCode()).isEqualTo(406);
        HttpResponse<String> scale = get("/apis/apps/v1/namespaces/default/deployments/x/scale", null);
        assertThat(scale.statusCode()).isEqualTo(404);
    }

    @Test
    void strategicMergePatchChangesOneContainerImageByName() {
        String ns = newNamespace();
        client.apps().deployments().inNamespace(ns).resource(deployment("api", "repo/api:1")).create();
        Deployment d = client.apps().deployments().inNamespace(ns).withName("api").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"repo/api:2\"}]}}}}");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getName() + "=" + c.getImage())
                .containsExactly("api=repo/api:2", "sidecar=envoyproxy/envoy:v1.31");
        assertThat(d.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void jsonMergePatchAddsImagePullSecretsAndTemplateAnnotations() {
        String ns = newNamespace();
        client.apps().deployments().inNamespace(ns).resource(deployment("api", "repo/api:1")).create();
        Deployment d = client.apps().deployments().inNamespace(ns).withName("api").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"pullfix.dev/fixed\":\"yes\"}},"
                        + "\"spec\":{\"imagePullSecrets\":[{\"name\":\"ecr-cred\"}]}}}}");
        assertThat(d.getSpec().getTemplate().getSpec().getImagePullSecrets()).extracting("name").containsExactly("ecr-cred");
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("pullfix.dev/fixed", "yes");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
    }

    @Test
    void editSendsAJsonPatchThatIsApplied() {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("p", "nginx", Map.of("tier", "web"))).create();
        Pod edited = client.pods().inNamespace(ns).withName("p").edit(p -> new PodBuilder(p).editMetadata()
                .addToLabels("tier", "db").addToAnnotations("note", "x").endMetadata().build());
        assertThat(edited.getMetadata().getLabels()).containsEntry("tier", "db");
        assertThat(edited.getMetadata().getAnnotations()).containsEntry("note", "x");
    }

    @Test
    void dryRunAnswersButStoresNothing() {
        String ns = newNamespace();
        Pod answered = client.pods().inNamespace(ns).resource(pod("dry", "nginx", Map.of())).dryRun().create();
        assertThat(answered.getMetadata().getUid()).isNotBlank();
        assertThat(client.pods().inNamespace(ns).withName("dry").get()).isNull();
        client.apps().deployments().inNamespace(ns).resource(deployment("api", "repo/api:1")).create();
        Deployment preview = client.apps().deployments().inNamespace(ns).withName("api").dryRun()
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"repo/api:9\"}]}}}}");
        assertThat(preview.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("repo/api:9");
        assertThat(client.apps().deployments().inNamespace(ns).withName("api").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage()).isEqualTo("repo/api:1");
        client.apps().deployments().inNamespace(ns).withName("api").dryRun().delete();
        assertThat(client.apps().deployments().inNamespace(ns).withName("api").get()).isNotNull();
    }

    @Test
    void statusSubresourceChangesOnlyStatusAndTheMainResourceIgnoresStatus() {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("s", "nginx", Map.of())).create();
        client.pods().inNamespace(ns).withName("s").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"phase\":\"Running\"},\"metadata\":{\"labels\":{\"ignored\":\"yes\"}}}");
        Pod p = client.pods().inNamespace(ns).withName("s").get();
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(p.getMetadata().getLabels()).doesNotContainKey("ignored");
        client.pods().inNamespace(ns).withName("s").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Failed\"}}");
        assertThat(client.pods().inNamespace(ns).withName("s").get().getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void listPagesWithLimitAndContinueCoverEveryObjectOnce() {
        String ns = newNamespace();
        for (int i = 0; i < 23; i++) {
            client.pods().inNamespace(ns).resource(pod("p" + i, "nginx", Map.of())).create();
        }
        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cont = null;
        do {
            PodList page = client.pods().inNamespace(ns).list(new ListOptionsBuilder().withLimit(5L).withContinue(cont).build());
            pageSizes.add(page.getItems().size());
            page.getItems().forEach(p -> assertThat(seen.add(p.getMetadata().getName())).isTrue());
            cont = page.getMetadata().getContinue();
        } while (cont != null && !cont.isEmpty());
        assertThat(seen).hasSize(23);
        assertThat(pageSizes).containsExactly(5, 5, 5, 5, 3);
    }

    @Test
    void labelSelectorsSupportEqualityAndSetBasedRequirements() {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("a", "nginx", Map.of("tier", "web", "env", "prod"))).create();
        client.pods().inNamespace(ns).resource(pod("b", "nginx", Map.of("tier", "db", "env", "prod"))).create();
        client.pods().inNamespace(ns).resource(pod("c", "nginx", Map.of("tier", "cache"))).create();
        assertThat(names(ns, "tier=web")).containsExactly("a");
        assertThat(names(ns, "tier==db")).containsExactly("b");
        assertThat(names(ns, "tier!=web")).containsExactly("b", "c");
        assertThat(names(ns, "tier in (web,cache)")).containsExactly("a", "c");
        assertThat(names(ns, "tier notin (web)")).containsExactly("b", "c");
        assertThat(names(ns, "env")).containsExactly("a", "b");
        assertThat(names(ns, "!env")).containsExactly("c");
        assertThat(names(ns, "env=prod,tier=db")).containsExactly("b");
        assertThat(client.pods().inNamespace(ns).withLabelIn("tier", "db", "cache").list().getItems()).hasSize(2);
    }

    private static List<String> names(String ns, String selector) {
        return client.pods().inNamespace(ns).list(new ListOptionsBuilder().withLabelSelector(selector).build()).getItems()
                .stream().map(p -> p.getMetadata().getName()).toList();
    }

    @Test
    void fieldSelectorsFilterEventsByInvolvedObjectAndPodsByPhaseAcrossNamespaces() {
        String ns = newNamespace();
        LabStore store = server.store();
        for (String pod : List.of("x", "y")) {
            store.put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"" + pod + ".1\",\"namespace\":\""
                    + ns + "\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"" + pod + "\",\"namespace\":\"" + ns
                    + "\"},\"reason\":\"Failed\",\"type\":\"Warning\",\"message\":\"Error: ErrImagePull\"}").getBytes()));
        }
        assertThat(client.v1().events().inNamespace(ns).withField("involvedObject.name", "y").list().getItems())
                .extracting(e -> e.getMetadata().getName()).containsExactly("y.1");
        assertThat(client.v1().events().inNamespace(ns).withField("type", "Warning").withField("reason", "Failed").list().getItems()).hasSize(2);
        client.pods().inNamespace(ns).resource(pod("pending", "nginx", Map.of())).create();
        assertThat(client.pods().inAnyNamespace().withField("status.phase", "Pending").withField("metadata.namespace", ns)
                .list().getItems()).extracting(p -> p.getMetadata().getName()).containsExactly("pending");
        assertThatThrownBy(() -> client.pods().inNamespace(ns).withField("spec.image", "x").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void aWatchSeesModificationsAndDeletionsAfterItsResourceVersion() throws Exception {
        String ns = newNamespace();
        Pod p = client.pods().inNamespace(ns).resource(pod("w", "nginx", Map.of())).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().inNamespace(ns).withResourceVersion(p.getMetadata().getResourceVersion()).watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName() + " " + pod.getStatus().getPhase());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            server.store().patchDirect(ResourceTypes.PODS, ns, "w", Patches.Type.MERGE, Json.MAPPER.readTree("{\"status\":{\"phase\":\"Running\"}}"));
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("MODIFIED w Running");
            client.pods().inNamespace(ns).withName("w").delete();
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("DELETED w Running");
        }
    }

    @Test
    void anInformerListsThenSeesAddsUpdatesAndDeletes() throws Exception {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("before", "nginx", Map.of())).create();
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<Pod> informer = client.pods().inNamespace(ns).inform(new ResourceEventHandler<Pod>() {
            @Override
            public void onAdd(Pod obj) {
                seen.add("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(Pod oldObj, Pod newObj) {
                if (!oldObj.getMetadata().getResourceVersion().equals(newObj.getMetadata().getResourceVersion())) {
                    seen.add("update " + newObj.getMetadata().getName() + " " + newObj.getStatus().getPhase());
                }
            }

            @Override
            public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
                seen.add("delete " + obj.getMetadata().getName());
            }
        });
        try {
            waitFor(() -> seen.contains("add before"));
            client.pods().inNamespace(ns).resource(pod("after", "nginx", Map.of())).create();
            server.store().patchDirect(ResourceTypes.PODS, ns, "before", Patches.Type.MERGE,
                    Json.MAPPER.readTree("{\"status\":{\"phase\":\"Running\"}}"));
            client.pods().inNamespace(ns).withName("after").delete();
            waitFor(() -> seen.contains("delete after"));
            assertThat(seen).containsSubsequence("add before", "add after", "update before Running", "delete after");
            assertThat(informer.getIndexer().list()).extracting(p -> p.getMetadata().getName()).containsExactly("before");
        } finally {
            informer.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    @Test
    void anHttpWatchStreamsLinesWithBookmarksAndRespectsSelectors() throws Exception {
        String ns = newNamespace();
        long rv = server.store().resourceVersion();
        client.pods().inNamespace(ns).resource(pod("keep", "nginx", Map.of("app", "a"))).create();
        client.pods().inNamespace(ns).resource(pod("skip", "nginx", Map.of("app", "b"))).create();
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/api/v1/namespaces/" + ns + "/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&labelSelector=app%3Da&resourceVersion=" + rv))
                .header("Authorization", "Bearer " + server.token()).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        List<JsonNode> lines = r.body().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(lines.get(0).path("type").asText()).isEqualTo("ADDED");
        assertThat(lines.get(0).path("object").path("metadata").path("name").asText()).isEqualTo("keep");
        assertThat(lines).extracting(l -> l.path("type").asText()).containsOnly("ADDED", "BOOKMARK");
        assertThat(lines).filteredOn(l -> l.path("type").asText().equals("ADDED")).hasSize(1);
    }

    @Test
    void aWatchWithSendInitialEventsStreamsTheCurrentStateThenTheInitialEventsEndBookmark() throws Exception {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("a", "nginx", Map.of())).create();
        client.pods().inNamespace(ns).resource(pod("b", "nginx", Map.of())).create();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/namespaces/" + ns
                + "/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1"))
                .header("Authorization", "Bearer " + server.token()).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            events.add(Json.MAPPER.readTree(line));
        }
        assertThat(events.subList(0, 3)).extracting(e -> e.path("type").asText() + " " + e.path("object").path("metadata").path("name").asText())
                .containsExactly("ADDED a", "ADDED b", "BOOKMARK ");
        assertThat(events.get(2).path("object").path("metadata").path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
    }

    @Test
    void aWebSocketWatchDeliversOneEventPerTextFrameAsFabric8ConsumesThem() throws Exception {
        String ns = newNamespace();
        long rv = server.store().resourceVersion();
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        java.net.http.WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + server.token()).buildAsync(URI.create(server.url().replace("https:", "wss:")
                + "/api/v1/namespaces/" + ns + "/pods?watch=true&resourceVersion=" + rv), new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(text.toString());
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        try {
            client.pods().inNamespace(ns).resource(pod("ws", "nginx", Map.of())).create();
            JsonNode event = Json.MAPPER.readTree(frames.poll(5, TimeUnit.SECONDS));
            assertThat(event.path("type").asText()).isEqualTo("ADDED");
            assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("ws");
        } finally {
            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWatchFromAResourceVersionOlderThanTheWindowGets410Gone() throws Exception {
        try (LabApiServer small = LabApiServer.start(LabApiServerOptions.defaults().withChangeWindow(16))) {
            for (int i = 0; i < 40; i++) {
                small.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c" + i
                        + "\",\"namespace\":\"default\"}}").getBytes()));
            }
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(small.clientSslContext()).build()
                    .send(HttpRequest.newBuilder(URI.create(small.url()
                    + "/api/v1/configmaps?watch=1&resourceVersion=2")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + small.token()).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode event = Json.MAPPER.readTree(r.body().lines().findFirst().orElseThrow());
            assertThat(event.path("type").asText()).isEqualTo("ERROR");
            assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(event.path("object").path("reason").asText()).isEqualTo("Expired");
        }
    }

    @Test
    void tablesCarryKubectlColumnsAndTheWaitingReasonAsStatus() throws Exception {
        String ns = newNamespace();
        server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"ui-private-7655bf59b9-jprrj\",\"namespace\":\""
                + ns + "\"},\"spec\":{\"containers\":[{\"name\":\"ui\",\"image\":\"682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0\"}],"
                + "\"nodeName\":\"ip-10-42-33-232.us-west-2.compute.internal\"},\"status\":{\"phase\":\"Pending\",\"podIP\":\"10.42.1.9\","
                + "\"containerStatuses\":[{\"name\":\"ui\",\"ready\":false,\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}}]}}").getBytes()));
        HttpResponse<String> r = get("/api/v1/namespaces/" + ns + "/pods?limit=500",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
        JsonNode table = Json.MAPPER.readTree(r.body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        List<String> columns = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
        assertThat(columns).containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates");
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("ui-private-7655bf59b9-jprrj");
        assertThat(cells.get(1).asText()).isEqualTo("0/1");
        assertThat(cells.get(2).asText()).isEqualTo("ImagePullBackOff");
        assertThat(cells.get(6).asText()).isEqualTo("ip-10-42-33-232.us-west-2.compute.internal");
        assertThat(table.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("namespace").asText()).isEqualTo(ns);
    }

    @Test
    void discoveryListsEveryServedKindWithVerbsAndShortNames() throws Exception {
        JsonNode core = Json.MAPPER.readTree(get("/api/v1", null).body());
        List<String> names = new ArrayList<>();
        core.path("resources").forEach(r -> names.add(r.path("name").asText()));
        assertThat(names).contains("pods", "pods/status", "pods/log", "events", "namespaces", "nodes", "secrets",
                "serviceaccounts", "configmaps");
        JsonNode apps = Json.MAPPER.readTree(get("/apis/apps/v1", null).body());
        assertThat(apps.path("resources").findValuesAsText("name")).contains("deployments", "replicasets", "statefulsets", "daemonsets");
        JsonNode groups = Json.MAPPER.readTree(get("/apis", null).body());
        assertThat(groups.path("groups").findValuesAsText("name")).containsExactly("apps", "batch", "events.k8s.io");
        assertThat(Json.MAPPER.readTree(get("/version", null).body()).path("minor").asText()).isEqualTo("32");
    }

    @Test
    void storeListenersSeeChangesInCommitOrder() throws Exception {
        String ns = newNamespace();
        BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        try (AutoCloseable l = server.listen(c -> {
            if (ns.equals(c.object().namespace())) {
                changes.add(c.type() + " " + c.object().name());
            }
        })) {
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().build()).create();
            client.configMaps().inNamespace(ns).withName("a").delete();
            assertThat(changes.poll(5, TimeUnit.SECONDS)).isEqualTo("ADDED a");
            assertThat(changes.poll(5, TimeUnit.SECONDS)).isEqualTo("DELETED a");
        }
    }

    @Test
    void eventsK8sIoV1ServesTheCoreEventsAsAView() {
        String ns = newNamespace();
        server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"web.1\",\"namespace\":\""
                + ns + "\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\",\"namespace\":\"" + ns + "\"},\"reason\":\"BackOff\","
                + "\"type\":\"Normal\",\"count\":21,\"firstTimestamp\":\"2026-11-25T22:00:00Z\",\"lastTimestamp\":\"2026-11-25T22:05:14Z\","
                + "\"source\":{\"component\":\"kubelet\",\"host\":\"node-1\"},\"message\":\"Back-off pulling image \\\"nginx:foo\\\"\"}").getBytes()));
        List<io.fabric8.kubernetes.api.model.events.v1.Event> events = client.events().v1().events().inNamespace(ns)
                .withField("regarding.name", "web").list().getItems();
        assertThat(events).hasSize(1);
        io.fabric8.kubernetes.api.model.events.v1.Event e = events.get(0);
        assertThat(e.getNote()).isEqualTo("Back-off pulling image \"nginx:foo\"");
        assertThat(e.getRegarding().getName()).isEqualTo("web");
        assertThat(e.getSeries().getCount()).isEqualTo(21);
        assertThat(e.getReportingController()).isEqualTo("kubelet");
        assertThat(e.getReportingInstance()).isEqualTo("node-1");
    }

    @Test
    void deletingANamespaceDeletesWhatIsInIt() {
        String ns = newNamespace();
        client.pods().inNamespace(ns).resource(pod("inside", "nginx", Map.of())).create();
        client.namespaces().withName(ns).delete();
        assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(ns).get()).isNull();
    }
}
