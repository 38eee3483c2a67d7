package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.LabSession;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pullfix preflight} against the real CNCF registry (htpasswd, a multi-arch index without arm64), with pull
 * secrets, service accounts and node platforms read from a cluster (the practice lab's API server, amd64 nodes).
 */
class PreflightCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "preflight-cli-Pa55";
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static LabSession lab;

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).htpasswd("ci-puller", PASSWORD).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        OciLayout.Blob multi = layout.index(List.of("linux/amd64", "linux/ppc64le"), "billing");
        layout.tag("m", multi, OciLayout.OCI_INDEX);
        for (String tag : List.of("3.2.1", "3.2.0", "2.0.0")) {
            registry.push(layout, "m", "shop/billing:" + tag);
        }
        lab = LabSession.start("S4", LabSession.Options.defaults().withDir(tmp.resolve("lab")));
        String cfg = "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
                ("ci-puller:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\"}}}";
        ObjectNode s = JSON.createObjectNode();
        s.put("apiVersion", "v1").put("kind", "Secret").put("type", "kubernetes.io/dockerconfigjson");
        s.putObject("metadata").put("name", "regcred").put("namespace", "default");
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

    static String deployment(String name, String image, String arch) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s}
                spec:
                  template:
                    spec:
                      imagePullSecrets: [{name: regcred}]
                      nodeSelector: {%s}
                      containers: [{name: app, image: "%s"}]
                ---
                """.formatted(name, arch == null ? "" : "kubernetes.io/arch: " + arch, image);
    }

    static Path file(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static CliRun preflight(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "preflight";
        args[1] = "--kubeconfig=" + lab.kubeconfig();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.main(args);
    }

    @Test
    void goodManifestsPassWithTheClustersSecretAndNodes() throws Exception {
        Path f = file("good.yaml", deployment("billing", registry.host() + "/shop/billing:3.2.1", null)
                + deployment("billing-old", registry.host() + "/shop/billing:3.2.0", null));
        CliRun r = preflight("-f", f.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("checked").asInt()).isEqualTo(2);
        assertThat(j.get("problems")).isEmpty();
        assertThat(j.get("couldNotCheck")).isEmpty();
        assertThat(j.get("connected").asBoolean()).isTrue();
        assertThat(j.get("platforms")).extracting(JsonNode::asText).containsExactly("linux/amd64");
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aPodThatWouldFailToPullIsOneLineAndExitOne() throws Exception {
        Path f = file("bad.yaml", deployment("billing", registry.host() + "/shop/billing:3.2.2", null)
                + deployment("billing-arm", registry.host() + "/shop/billing:3.2.1", "arm64")
                + deployment("ok", registry.host() + "/shop/billing:3.2.1", null));
        CliRun r = preflight("-f", f.toString(), "--lang", "en");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines()[0]).startsWith("Deployment default/billing container app: ")
                .contains("TAG_NOT_FOUND").contains("Nearest existing tags: 3.2.1, 3.2.0");
        assertThat(r.outLines()[1]).startsWith("Deployment default/billing-arm container app: ")
                .contains("PLATFORM_MISMATCH").contains("linux/arm64");
        assertThat(r.outLines()[2]).isEqualTo("3 containers checked: 2 would fail to pull, 0 could not be checked.");
        JsonNode j = JSON.readTree(preflight("-f", f.toString(), "--json").out());
        assertThat(j.get("problems")).extracting(p -> p.get("category").asText())
                .containsExactly("TAG_NOT_FOUND", "PLATFORM_MISMATCH");
        assertThat(j.get("problems").get(0).get("nearestTags")).extracting(JsonNode::asText).startsWith("3.2.1", "3.2.0");
        assertThat(j.get("problems").get(0).get("document").asInt()).isEqualTo(1);
    }

    @Test
    void standardInputWithoutAClusterCannotCheckThePrivateImageAndSaysWhy() {
        String manifest = deployment("billing", registry.host() + "/shop/billing:3.2.1", null);
        CliRun r = CliRun.run(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == PreflightCommand.class) {
                    return cls.cast(new PreflightCommand(new ByteArrayInputStream(
                            manifest.getBytes(StandardCharsets.UTF_8))));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        }, "preflight", "-f", "-", "--no-cluster", "--lang", "en");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("could not check")
                .contains("the pull secrets (regcred) were not read: not connected to a cluster");
    }

    @Test
    void aBrokenManifestIsOneLineOnStderr() throws Exception {
        Path f = file("broken.yaml", "kind: Deployment\nspec: {template: [\n");
        CliRun r = preflight("-f", f.toString());
        assertThat(r.exitCode()).isIn(2, 4);
        assertThat(r.errLines()).hasSizeBetween(1, 2); // the problem, and a hint
        assertThat(r.err()).contains("broken.yaml").doesNotContain("Exception");
        assertThat(preflight("-f", tmp.resolve("missing.yaml").toString()).exitCode()).isEqualTo(2);
    }
}
