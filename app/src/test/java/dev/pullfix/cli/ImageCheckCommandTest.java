package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.lab.world.LabWorld;
import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.lab.registry.LabRegistries;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullfix image check} against the real CNCF registry (htpasswd, a multi-arch index without arm64), with the
 * pull secret read from a cluster (the lab's API server), and against the lab's Docker Hub for the pull budget.
 */
class ImageCheckCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "cli-Regi5try-pass";
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static LabSession lab;
    static OciLayout.Blob multi;

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).htpasswd("ci-puller", PASSWORD).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        multi = layout.index(List.of("linux/amd64", "linux/ppc64le"), "billing");
        layout.tag("m", multi, OciLayout.OCI_INDEX);
        for (String tag : List.of("3.2.1", "3.2.0", "2.0.0")) {
            registry.push(layout, "m", "shop/billing:" + tag);
        }
        lab = LabSession.start("S4", LabSession.Options.defaults().withDir(tmp.resolve("lab")));
        secret("regcred", PASSWORD);
        secret("stale", "old-password");
    }

    static void secret(String name, String password) {
        String cfg = "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
                ("ci-puller:" + password).getBytes(StandardCharsets.UTF_8)) + "\"}}}";
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Secret").put("type", "kubernetes.io/dockerconfigjson");
        s.putObject("metadata").put("name", name).put("namespace", "default");
        s.putObject("data").put(".dockerconfigjson", Base64.getEncoder().encodeToString(cfg.getBytes(StandardCharsets.UTF_8)));
        lab.apiServer().store().put(s);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    static CliRun check(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "image";
        args[1] = "check";
        args[2] = "--kubeconfig=" + lab.kubeconfig();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.main(args);
    }

    static JsonNode json(CliRun r) throws Exception {
        return JSON.readTree(r.out());
    }

    @Test
    void thePullSecretIsAcceptedAndTheAmd64NodeHasItsPlatform() throws Exception {
        CliRun r = check(registry.host() + "/shop/billing:3.2.1", "--pull-secret", "default/regcred",
                "--platform", "linux/amd64", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode j = json(r);
        assertThat(j.get("repositoryExists").asBoolean()).isTrue();
        assertThat(j.get("imageExists").asBoolean()).isTrue();
        assertThat(j.get("authRequired").asBoolean()).isTrue();
        assertThat(j.get("credentialsAccepted").asBoolean()).isTrue();
        assertThat(j.get("digest").asText()).isEqualTo(multi.digest());
        assertThat(j.get("platforms")).extracting(JsonNode::asText).containsExactly("linux/amd64", "linux/ppc64le");
        assertThat(j.get("platformMatches").asBoolean()).isTrue();
        assertThat(j.get("rateLimit").isNull()).isTrue();
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(("ci-puller:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anArm64NodeIsAPlatformMismatchWithTheImagesPlatforms() throws Exception {
        CliRun r = check(registry.host() + "/shop/billing:3.2.1", "--pull-secret", "default/regcred",
                "--platform", "linux/arm64", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = json(r);
        assertThat(j.get("platformMatches").asBoolean()).isFalse();
        assertThat(j.get("category").asText()).isEqualTo("PLATFORM_MISMATCH");
        assertThat(j.get("pullable").asBoolean()).isFalse();
    }

    @Test
    void aMissingTagNamesTheNearestTagsInText() {
        CliRun r = check(registry.host() + "/shop/billing:3.2.2", "--pull-secret", "default/regcred", "--lang", "en");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("nearest tags:").contains("3.2.1, 3.2.0, 2.0.0")
                .contains("The kubelet's pull would fail: TAG_NOT_FOUND");
    }

    @Test
    void aStaleSecretIsRejectedAndNoSecretMeansCredentialsAreNeeded() throws Exception {
        JsonNode stale = json(check(registry.host() + "/shop/billing:3.2.1", "--pull-secret", "default/stale", "--json"));
        assertThat(stale.get("credentialsAccepted").asBoolean()).isFalse();
        assertThat(stale.get("failure").asText()).isEqualTo("CREDENTIALS_REJECTED");
        CliRun none = check(registry.host() + "/shop/billing:3.2.1", "--json");
        assertThat(none.exitCode()).isEqualTo(1);
        JsonNode j = json(none);
        assertThat(j.get("authRequired").asBoolean()).isTrue();
        assertThat(j.get("credentialsAccepted").isNull()).isTrue();
        assertThat(j.get("category").asText()).isEqualTo("UNAUTHORIZED_NO_CREDENTIALS");
        JsonNode missing = json(check(registry.host() + "/shop/billing:3.2.1", "--pull-secret", "default/nope", "--json"));
        assertThat(missing.get("secretProblems")).extracting(JsonNode::asText).containsExactly("nope: MISSING");
    }

    @Test
    void dockerHubsRemainingBudgetComesFromAHead() throws Exception {
        try (LabRegistries hub = new LabRegistries(new LabWorld(Scenario.find("S6").orElseThrow()))) {
            CliRun r = CliRun.main("image", "check", "httpd:latest", "--registry-endpoint",
                    "docker.io=" + hub.endpoints().get("docker.io"), "--json");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode j = json(r);
            assertThat(j.get("rateLimit").get("limit").asInt()).isEqualTo(100);
            assertThat(j.get("rateLimit").get("remaining").asInt()).isEqualTo(0);
            assertThat(j.get("rateLimit").get("windowSeconds").asInt()).isEqualTo(21600);
            assertThat(j.get("category").asText()).isEqualTo("RATE_LIMITED");
            assertThat(j.get("imageExists").asBoolean()).isTrue();
        }
    }

    @Test
    void aRegistryThatCannotBeReachedIsCouldNotCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.main("image", "check", "127.0.0.1:" + port + "/a/b:1", "--json");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(json(r).get("category").asText()).isEqualTo("NETWORK_TIMEOUT");
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(CliRun.main("image", "check", "nginx", "--platform", "a/b/c/d").exitCode()).isEqualTo(2);
        assertThat(CliRun.main("image", "check", "nginx@sha256:abc").exitCode()).isEqualTo(2);
        assertThat(CliRun.main("image", "nginx").exitCode()).isEqualTo(0);
    }
}
