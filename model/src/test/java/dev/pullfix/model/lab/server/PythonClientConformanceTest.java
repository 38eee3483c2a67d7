package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Kubernetes Python client (Debian's python3-kubernetes), a third client beside fabric8 and kubectl,
 * against the lab API server: list with paging, watch from a resource version with bookmarks, JSON / merge /
 * strategic merge patches, dry-run create and patch, and the NotFound / BadRequest shapes
 * ({@code src/test/python/k8s_client_check.py}, loading the kubeconfig the server writes).
 */
class PythonClientConformanceTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pythonClientListsWatchesPatchesAndDryRuns() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))
                || ExternalTools.run(List.of(PYTHON, "-c", "import kubernetes"), Path.of("."), Map.of(), 60).exit() != 0) {
            ExternalTools.unavailable("Debian's python3 with the kubernetes client (apt-get install python3-kubernetes)");
        }
        try (LabApiServer server = LabApiServer.start(LabApiServerOptions.defaults()
                .withBookmarkInterval(Duration.ofMillis(300)))) {
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = "web-" + i;
                existing.add(name);
                server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
                        + "\",\"namespace\":\"default\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\","
                        + "\"image\":\"nginx:1.27\"}]},\"status\":{\"phase\":\"Running\"}}").getBytes(StandardCharsets.UTF_8)));
            }
            server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"other\","
                    + "\"namespace\":\"kube-system\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}")
                    .getBytes(StandardCharsets.UTF_8)));
            Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));

            ExternalTools.Result r = ExternalTools.run(List.of(PYTHON,
                    Path.of("src/test/python/k8s_client_check.py").toAbsolutePath().toString(), kubeconfig.toString()),
                    Path.of("."), Map.of("PYTHONDONTWRITEBYTECODE", "1"), 120);
            assertThat(r.exit()).as("k8s_client_check.py: %s", r.errors()).isZero();
            JsonNode out = M.readTree(r.output());

            assertThat(out.path("listCount").asInt()).isEqualTo(5);
            assertThat(out.path("allNamespacesCount").asInt()).isEqualTo(6);
            assertThat(out.path("pages").asInt()).as("5 pods, limit 2").isEqualTo(3);
            List<String> paged = new ArrayList<>();
            out.path("pagedNames").forEach(n -> paged.add(n.asText()));
            assertThat(paged).containsExactlyInAnyOrderElementsOf(existing);

            long listRv = Long.parseLong(out.path("listResourceVersion").asText());
            long createdRv = Long.parseLong(out.path("createdResourceVersion").asText());
            assertThat(createdRv).isGreaterThan(listRv);
            JsonNode events = out.path("watchEvents");
            List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.path("type").asText()));
            assertThat(types).as("watch from the list's resourceVersion").startsWith("ADDED").contains("MODIFIED", "BOOKMARK");
            JsonNode added = events.get(0);
            assertThat(added.path("name").asText()).isEqualTo("pycheck-1");
            assertThat(Long.parseLong(added.path("rv").asText())).isEqualTo(createdRv);
            long lastRv = 0;
            for (JsonNode e : events) {
                long rv = Long.parseLong(e.path("rv").asText());
                assertThat(rv).as("resource versions never go back").isGreaterThanOrEqualTo(lastRv);
                lastRv = rv;
                if (e.path("type").asText().equals("MODIFIED")) {
                    assertThat(e.path("labels").path("step").asText()).isEqualTo("merged");
                }
            }
            assertThat(out.path("watchResourceVersion").asText()).as("the client resumes from the last version seen")
                    .isEqualTo(String.valueOf(lastRv));

            assertThat(out.path("jsonPatchLabels").path("json").asText()).isEqualTo("patched");
            assertThat(out.path("mergePatchAnnotations").path("pullfix.dev/checked").asText()).isEqualTo("yes");
            assertThat(out.path("strategicImages").get(0).asText()).isEqualTo("registry.example/app:2");
            assertThat(out.path("strategicImages")).hasSize(1);

            assertThat(out.path("dryRunCreateName").asText()).isEqualTo("pycheck-dry");
            assertThat(out.path("dryRunPatchLabels").path("dry").asText()).isEqualTo("yes");
            assertThat(out.path("afterDryRunLabels").has("dry")).as("a dry-run patch writes nothing").isFalse();
            assertThat(out.path("dryRunCreated").asBoolean()).as("a dry-run create writes nothing").isFalse();
            assertThat(out.path("missingStatus").asInt()).isEqualTo(404);
            assertThat(out.path("missingReason").asText()).isEqualTo("NotFound");
            assertThat(out.path("badDryRunStatus").asInt()).isEqualTo(400);
            assertThat(server.store().get(ResourceTypes.PODS, "default", "pycheck-1")).as("deleted by the client").isEmpty();
        }
    }
}
