package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabPopulationTest {
    private static LabStore store;
    private static LabPopulation.Result result;

    @BeforeAll
    static void generate() {
        store = new LabStore(1000, Clock.systemUTC());
        result = LabPopulation.generate(store, new LabPopulation.Spec(1000, 50, 0.1, 42, Instant.parse("2026-11-25T12:00:00Z")));
    }

    @Test
    void generatesTheRequestedPodsOverFiftyNamespacesWithOneInTenFailingToPull() {
        List<StoredObject> pods = store.list(ResourceTypes.PODS, null, null);
        assertThat(pods).hasSize(1000);
        assertThat(result.pods()).isEqualTo(1000);
        assertThat(pods.stream().map(StoredObject::namespace).filter(ns -> !ns.equals("kube-system")).distinct().count()).isEqualTo(50);
        long failing = pods.stream().filter(p -> {
            Object status = p.cells()[2];
            return status.equals("ImagePullBackOff") || status.equals("ErrImagePull");
        }).count();
        assertThat(failing).isEqualTo(result.failingPods()).isBetween(95L, 105L);
        assertThat(result.nodes()).isEqualTo(store.count(ResourceTypes.NODES)).isEqualTo(33);
    }

    @Test
    void everyPodHasAnExistingControllerOwnerAndDeploymentPodsGoThroughAReplicaSet() {
        Map<String, ResourceType> kinds = Map.of("ReplicaSet", ResourceTypes.REPLICASETS, "StatefulSet", ResourceTypes.STATEFULSETS,
                "DaemonSet", ResourceTypes.DAEMONSETS, "Job", ResourceTypes.JOBS);
        Set<String> ownerKinds = store.list(ResourceTypes.PODS, null, null).stream().map(p -> {
            JsonNode owner = p.toJson().path("metadata").path("ownerReferences").get(0);
            StoredObject o = store.get(kinds.get(owner.path("kind").asText()), p.namespace(), owner.path("name").asText()).orElseThrow();
            assertThat(o.toJson().path("metadata").path("uid").asText()).isEqualTo(owner.path("uid").asText());
            if (o.type() == ResourceTypes.REPLICASETS) {
                JsonNode rsOwner = o.toJson().path("metadata").path("ownerReferences").get(0);
                assertThat(store.get(ResourceTypes.DEPLOYMENTS, p.namespace(), rsOwner.path("name").asText())).isPresent();
            }
            return owner.path("kind").asText();
        }).collect(Collectors.toSet());
        assertThat(ownerKinds).containsExactlyInAnyOrder("ReplicaSet", "StatefulSet", "DaemonSet", "Job");
    }

    @Test
    void failingPodsCarryKubeletEventsInContainerdWordingForEachCause() {
        List<StoredObject> events = store.list(ResourceTypes.EVENTS, null, null);
        assertThat(events).hasSize(result.events()).hasSize(result.failingPods() * 6);
        List<String> failures = events.stream().map(e -> e.toJson().path("message").asText())
                .filter(m -> m.startsWith("Failed to pull image")).toList();
        assertThat(failures).anyMatch(m -> m.endsWith(": 403 Forbidden") && m.contains("failed to resolve reference"))
                .anyMatch(m -> m.contains("rpc error: code = NotFound") && m.endsWith(": not found"))
                .anyMatch(m -> m.endsWith(": 401 Unauthorized"))
                .anyMatch(m -> m.endsWith("i/o timeout"))
                .anyMatch(m -> m.contains("429 Too Many Requests") && m.contains("toomanyrequests"));
        StoredObject failed = events.stream().filter(e -> e.toJson().path("message").asText().startsWith("Failed to pull image"))
                .findFirst().orElseThrow();
        JsonNode e = failed.toJson();
        StoredObject pod = store.get(ResourceTypes.PODS, failed.namespace(), e.path("involvedObject").path("name").asText()).orElseThrow();
        assertThat(e.path("involvedObject").path("uid").asText()).isEqualTo(pod.toJson().path("metadata").path("uid").asText());
        assertThat(e.path("type").asText()).isEqualTo("Warning");
        assertThat(e.path("source").path("component").asText()).isEqualTo("kubelet");
        assertThat(e.path("count").asInt()).isGreaterThan(1);
        assertThat(Duration.between(Instant.parse(e.path("firstTimestamp").asText()), Instant.parse(e.path("lastTimestamp").asText())))
                .isPositive();
    }

    @Test
    void theSameSeedGivesTheSamePopulation() {
        LabStore other = new LabStore(1000, Clock.systemUTC());
        LabPopulation.generate(other, new LabPopulation.Spec(1000, 50, 0.1, 42, Instant.parse("2026-11-25T12:00:00Z")));
        assertThat(other.list(ResourceTypes.PODS, null, null)).extracting(StoredObject::name)
                .isEqualTo(store.list(ResourceTypes.PODS, null, null).stream().map(StoredObject::name).toList());
    }

    @Test
    void theSeedDocumentsEcrMessageIsReproducedWordForWord() {
        assertThat(LabPopulation.pullFailure("682844965773.dkr.ecr.us-west-2.amazonaws.com/retail-sample-app-ui:0.4.0",
                LabPopulation.Cause.ECR_FORBIDDEN_403)).isEqualTo("Failed to pull image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/"
                + "retail-sample-app-ui:0.4.0\": failed to pull and unpack image \"682844965773.dkr.ecr.us-west-2.amazonaws.com/"
                + "retail-sample-app-ui:0.4.0\": failed to resolve reference \"682844965773.dkr.ecr.us-west-2.amazonaws.com/"
                + "retail-sample-app-ui:0.4.0\": unexpected status from HEAD request to https://682844965773.dkr.ecr.us-west-2."
                + "amazonaws.com/v2/retail-sample-app-ui/manifests/0.4.0: 403 Forbidden");
        assertThat(LabPopulation.pullFailure("nginx:foo", LabPopulation.Cause.TAG_NOT_FOUND)).isEqualTo("Failed to pull image "
                + "\"nginx:foo\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:foo\": "
                + "failed to resolve reference \"docker.io/library/nginx:foo\": docker.io/library/nginx:foo: not found");
    }
}
