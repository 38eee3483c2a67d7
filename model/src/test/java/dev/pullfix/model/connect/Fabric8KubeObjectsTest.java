package dev.pullfix.model.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import dev.pullfix.model.lab.server.ResourceTypes;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write path's Kubernetes port over fabric8, against the lab API server: dry-run writes nothing, merge patch does. */
class Fabric8KubeObjectsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LabApiServer server;
    static KubernetesClient client;
    static Fabric8KubeObjects kube;
    static final ObjectRef WEB = new ObjectRef("lab", "apps/v1", "Deployment", "shop", "web");

    @BeforeAll
    static void start() throws Exception {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        server.store().put((ObjectNode) JSON.readTree("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""));
        server.store().put((ObjectNode) JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"web","image":"nginx:foo"}]}}}}"""));
        Config config = Config.fromKubeconfig(server.kubeconfig());
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
        kube = new Fabric8KubeObjects(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static String storedImage() {
        return server.store().get(ResourceTypes.DEPLOYMENTS, "shop", "web").orElseThrow().toJson().path("spec")
                .path("template").path("spec").path("containers").path(0).path("image").asText();
    }

    static ObjectNode imagePatch(String image) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"spec":{"template":{"spec":{"containers":[{"name":"web","image":"%s"}]}}}}""".formatted(image));
    }

    @Test
    void getReadsTheObjectAndAMissingOneIsEmpty() throws Exception {
        assertThat(kube.get(WEB)).get().satisfies(n -> assertThat(n.path("kind").asText()).isEqualTo("Deployment"));
        assertThat(kube.get(new ObjectRef("lab", "apps/v1", "Deployment", "shop", "nope"))).isEmpty();
    }

    @Test
    void aDryRunPatchAnswersTheResultButLeavesTheStoreAsItWas() throws Exception {
        String before = storedImage();
        var answer = kube.mergePatch(WEB, imagePatch("nginx:dry"), true);
        assertThat(answer.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText())
                .isEqualTo("nginx:dry");
        assertThat(storedImage()).isEqualTo(before);
    }

    @Test
    void aMergePatchChangesTheTemplateAndADryRunCreateStoresNothing() throws Exception {
        kube.mergePatch(WEB, imagePatch("nginx:1.27.3"), false);
        assertThat(storedImage()).isEqualTo("nginx:1.27.3");
        ObjectRef secret = new ObjectRef("lab", "v1", "Secret", "shop", "regcred");
        kube.create(secret, JSON.readTree("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"regcred","namespace":"shop"},
                 "type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"e30="}}"""), true);
        assertThat(kube.get(secret)).isEmpty();
    }

    @Test
    void patchingAMissingObjectFailsWithOneReadableLine() {
        assertThatThrownBy(() -> kube.mergePatch(new ObjectRef("lab", "apps/v1", "Deployment", "shop", "nope"),
                imagePatch("x:1"), false)).isInstanceOf(FixException.class).hasMessageStartingWith("patch ")
                .hasMessageNotContaining("\n");
    }
}
