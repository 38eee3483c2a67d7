package dev.pullfix.model.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The namespace's docker-registry secrets as the diagnosis port lists them, against the lab API server: both docker
 * config types, by name, with their registry hosts; other secret types and other namespaces are left out.
 */
class Fabric8ClusterPortSecretsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LabApiServer server;
    static KubernetesClient client;
    static Fabric8ClusterPort port;

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static void secret(String ns, String name, String type, String key, String json) throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree("""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","namespace":"%s"},"type":"%s",
                 "data":{"%s":"%s"}}""".formatted(name, ns, type, key, b64(json)));
        server.store().put(s);
    }

    @BeforeAll
    static void start() throws Exception {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        for (String ns : new String[] {"shop", "other"}) {
            server.store().put((ObjectNode) JSON.readTree("""
                    {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"%s"}}""".formatted(ns)));
        }
        String auth = "{\"auth\":\"" + b64("bob:hunter2") + "\"}";
        secret("shop", "zeta-registry", "kubernetes.io/dockerconfigjson", ".dockerconfigjson",
                "{\"auths\":{\"registry.example.com\":" + auth + "}}");
        secret("shop", "legacy", "kubernetes.io/dockercfg", ".dockercfg", "{\"https://index.docker.io/v1/\":" + auth + "}");
        secret("shop", "tls-cert", "Opaque", "password", "not a docker config");
        secret("other", "elsewhere", "kubernetes.io/dockerconfigjson", ".dockerconfigjson",
                "{\"auths\":{\"registry.example.com\":" + auth + "}}");
        Config config = Config.fromKubeconfig(server.kubeconfig());
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
        ContextInfo ctx = new ContextInfo("lab", true, "lab", "lab", "shop", config.getMasterUrl(),
                ContextInfo.AuthKind.TOKEN, null, null, null);
        port = new Fabric8ClusterPort(ClusterConnection.of(ctx, client), "lab");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void listsTheNamespacesDockerRegistrySecretsByNameWithTheirHosts() throws Exception {
        assertThat(port.dockerConfigSecrets("shop")).containsExactly(
                new SecretFacts("shop", "legacy", "kubernetes.io/dockercfg", java.util.Set.of("https://index.docker.io/v1/")),
                new SecretFacts("shop", "zeta-registry", "kubernetes.io/dockerconfigjson",
                        java.util.Set.of("registry.example.com")));
    }

    @Test
    void aNamespaceWithoutDockerRegistrySecretsHasNone() throws Exception {
        assertThat(port.dockerConfigSecrets("kube-system")).isEmpty();
    }
}
