package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.cluster.Fixtures;
import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The contexts / pods / events commands against the lab API server through a kubeconfig. */
class ClusterCommandsTest {

    @TempDir
    static Path dir;
    static LabApiServer server;
    static Path kubeconfig;


    @BeforeAll
    static void startServer() throws Exception {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, server.kubeconfig().replace("namespace: default", "namespace: shop"));
        Config cfg = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(cfg).build()) {
            for (String ns : new String[] {"shop", "batch"}) {
                c.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                        .withName(ns).endMetadata().build()).create();
            }
            Fixtures.load(c);
            Fixtures.uiPrivateEvents(c);
            // an event message with terminal control sequences: window title, clear screen, bell, bidi override
            c.v1().events().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                    .withNewMetadata().withName("evil-0.1").withNamespace("shop").endMetadata().withType("Warning")
                    .withReason("Failed").withMessage("\u001B]0;pwned\u0007\u001B[2J\u001B[31mFailed to pull\u0007 image"
                            + " \u202Eevil\u009B1m --password hunter2hunter2")
                    .withCount(1).withNewSource().withComponent("kubelet").endSource().withNewInvolvedObject()
                    .withKind("Pod").withName("evil-0").withNamespace("shop").endInvolvedObject().build()).create();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRun last;

    private int run(String... args) {
        last = CliRun.main(args);
        return last.exitCode();
    }

    private String out() {
        return last.out();
    }

    private String err() {
        return last.err();
    }

    @Test
    void podsPrintsAKubectlLikeTableOfTheContextsNamespaceWithTheWorkload() {
        assertThat(run("pods", "--kubeconfig", kubeconfig.toString())).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).matches("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+WORKLOAD");
        assertThat(out()).containsPattern("ui-private-7655bf59b9-jprrj\\s+0/1\\s+ImagePullBackOff\\s+0\\s+\\d+[smh]\\S*\\s+"
                + "Deployment/ui-private");
        assertThat(out()).containsPattern("db-0\\s+1/1\\s+Running\\s+2\\s+\\S+\\s+StatefulSet/db");
        assertThat(out()).doesNotContain("node-agent");
    }

    @Test
    void podsAcrossAllNamespacesShowsOnlyFailingPodsWhenAsked() {
        assertThat(run("pods", "--kubeconfig", kubeconfig.toString(), "-A", "--failing")).isZero();
        assertThat(out().split("\n")[0]).startsWith("NAMESPACE");
        assertThat(out()).contains("node-agent-x7k2p").contains("Init:ErrImagePull").contains("CronJob/report")
                .contains("InvalidImageName").doesNotContain("cart-5d8f9c7b6d");
    }

    @Test
    void podsJsonNestsNamespacesWorkloadsPodsAndContainers() throws Exception {
        assertThat(run("pods", "--kubeconfig", kubeconfig.toString(), "-A", "--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out());
        assertThat(root.get("context").asText()).isEqualTo("pullfix-lab");
        assertThat(root.at("/summary/failingPods").asInt()).isEqualTo(6);
        JsonNode shop = null;
        for (JsonNode n : root.get("namespaces")) {
            if (n.get("name").asText().equals("shop")) {
                shop = n;
            }
        }
        assertThat(shop).isNotNull();
        JsonNode ui = null;
        for (JsonNode w : shop.get("workloads")) {
            if (w.get("name").asText().equals("ui-private")) {
                ui = w;
            }
        }
        assertThat(ui.get("kind").asText()).isEqualTo("Deployment");
        JsonNode pod = ui.get("pods").get(0);
        assertThat(pod.get("failure").asText()).isEqualTo("ImagePullBackOff");
        JsonNode c = pod.get("containers").get(0);
        assertThat(c.get("image").asText()).isEqualTo(Fixtures.ECR_IMAGE);
        assertThat(c.get("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(c.get("state").asText()).isEqualTo("waiting");
        assertThat(c.get("kind").asText()).isEqualTo("regular");
    }

    @Test
    void eventsPrintsTheDescribeTable() {
        assertThat(run("events", "--kubeconfig", kubeconfig.toString(), "-n", "shop",
                "ui-private-7655bf59b9-jprrj")).isZero();
        String[] lines = out().split("\n");
        assertThat(lines[0]).isEqualTo("Events:");
        assertThat(lines[1]).matches("  Type\\s+Reason\\s+Age\\s+From\\s+Message");
        assertThat(lines[2]).matches("  ----\\s+------\\s+----\\s+----\\s+-------");
        assertThat(lines[3]).matches("  Normal\\s+Scheduled\\s+\\S+\\s+default-scheduler\\s+Successfully assigned .*");
        assertThat(out()).containsPattern("Warning\\s+Failed\\s+\\S+ \\(x4 over \\S+\\)\\s+kubelet\\s+Error: ErrImagePull");
        assertThat(lines).hasSize(9);
    }

    @Test
    void contextsListsTheLabContextAsJson() throws Exception {
        assertThat(run("contexts", "--kubeconfig", kubeconfig.toString(), "--json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out());
        assertThat(root.get("currentContext").asText()).isEqualTo("pullfix-lab");
        assertThat(root.at("/contexts/0/server").asText()).isEqualTo(server.url());
        assertThat(root.at("/contexts/0/namespace").asText()).isEqualTo("shop");
    }

    @Test
    void anUnknownContextIsBadUsageInOneLineWithTheKnownOnes() {
        assertThat(run("pods", "--kubeconfig", kubeconfig.toString(), "--context", "prod")).isEqualTo(2);
        assertThat(err().strip().split("\n")).hasSize(1);
        assertThat(err()).contains("prod").contains("pullfix-lab");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingPodIsOneLineAndExit3() {
        assertThat(run("events", "--kubeconfig", kubeconfig.toString(), "nope")).isEqualTo(3);
        assertThat(err().strip().split("\n")).hasSize(1);
        assertThat(err()).contains("nope").contains("shop");
    }

    @Test
    void namespaceAndAllNamespacesTogetherIsBadUsage() {
        assertThat(run("pods", "--kubeconfig", kubeconfig.toString(), "-A", "-n", "shop")).isEqualTo(2);
        assertThat(err().strip().split("\n")).hasSize(1);
    }

    @Test
    void eventMessagesReachTheTerminalWithoutControlSequencesOrSecrets() throws Exception {
        assertThat(run("events", "--kubeconfig", kubeconfig.toString(), "-n", "shop", "evil-0")).isZero();
        assertThat(out()).contains("Failed to pull image evil --password [REDACTED]")
                .doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\u202E").doesNotContain("hunter2");

        assertThat(run("events", "--kubeconfig", kubeconfig.toString(), "-n", "shop", "evil-0", "--json")).isZero();
        JsonNode e = new ObjectMapper().readTree(out()).get(0);
        assertThat(e.get("message").asText()).isEqualTo("Failed to pull image evil --password [REDACTED]");
        assertThat(out()).doesNotContainIgnoringCase("\\u001b").doesNotContain("hunter2");
    }
}
