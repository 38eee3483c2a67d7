package dev.pullfix.model.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.registry.HttpRegistryClient;
import dev.pullfix.model.registry.ImageChecker;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.PullSecret;
import dev.pullfix.model.registry.PullSecretReader;
import dev.pullfix.model.registry.RegistryClientOptions;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight of a manifest against the real CNCF registry (htpasswd Basic auth, a multi-arch index of linux/amd64 and
 * linux/ppc64le): what the kubelet would meet for each container, before any pod exists.
 */
class PreflightRegistryTest {
    static final String PASSWORD = "preflight-Pa55";
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static final ImageChecker CHECKER = new ImageChecker(new HttpRegistryClient(RegistryClientOptions.defaults()
            .withEnvironment(Map.of())));

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).htpasswd("ci-puller", PASSWORD).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        OciLayout.Blob multi = layout.index(List.of("linux/amd64", "linux/ppc64le"), "billing");
        layout.tag("m", multi, OciLayout.OCI_INDEX);
        for (String tag : List.of("3.2.1", "3.2.0", "2.0.0")) {
            registry.push(layout, "m", "shop/billing:" + tag);
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** The cluster's secrets: regcred (right password), stale (wrong one), sa-cred (held by a service account). */
    static PullSecretReader secrets(AtomicInteger reads) {
        return (ns, name) -> {
            reads.incrementAndGet();
            String password = switch (name) {
                case "regcred", "sa-cred" -> PASSWORD;
                case "stale" -> "old-password";
                default -> null;
            };
            if (password == null || !ns.equals("shop")) {
                return Optional.empty();
            }
            byte[] cfg = ("{\"auths\":{\"" + registry.host() + "\":{\"username\":\"ci-puller\",\"password\":\""
                    + password + "\"}}}").getBytes(StandardCharsets.UTF_8);
            return Optional.of(new PullSecret(ns, name, PullSecret.TYPE_CONFIG_JSON, cfg, null));
        };
    }

    static String deployment(String name, String image, String secret, String serviceAccount, String arch) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  template:
                    spec:
                      serviceAccountName: %s
                      imagePullSecrets: [%s]
                      nodeSelector: {%s}
                      containers: [{name: app, image: "%s"}]
                ---
                """.formatted(name, serviceAccount, secret == null ? "" : "{name: " + secret + "}",
                arch == null ? "" : "kubernetes.io/arch: " + arch, image);
    }

    static Preflight.Result check(String manifests, boolean connected, AtomicInteger reads) {
        List<Platform> nodes = List.of(Platform.ofNode("linux", "amd64"));
        Preflight p = new Preflight(CHECKER, connected ? secrets(reads) : null,
                connected ? (ns, sa) -> sa.equals("puller") ? List.of("sa-cred") : List.of() : null, nodes, null, "default");
        return p.check(ManifestReader.read(manifests, "deploy.yaml"));
    }

    @Test
    void eachContainerIsJudgedAsTheKubeletWouldPullIt() {
        String host = registry.host();
        String m = deployment("ok", host + "/shop/billing:3.2.1", "regcred", "default", null)
                + deployment("via-sa", host + "/shop/billing:3.2.0", null, "puller", null)
                + deployment("typo", host + "/shop/billing:3.2.2", "regcred", "default", null)
                + deployment("no-repo", host + "/shop/biling:3.2.1", "regcred", "default", null)
                + deployment("stale", host + "/shop/billing:3.2.1", "stale", "default", null)
                + deployment("none", host + "/shop/billing:3.2.1", null, "default", null)
                + deployment("arm", host + "/shop/billing:3.2.1", "regcred", "default", "arm64")
                + deployment("bad-name", "Shop/Billing:3.2.1", null, "default", null)
                + deployment("ecr", "123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/billing:1", null, "default", null);
        Preflight.Result r = check(m, true, new AtomicInteger());
        assertThat(r.checked()).isEqualTo(9);
        assertThat(r.problems()).extracting(f -> f.where().name(), Preflight.Finding::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("typo", PullFailureCategory.TAG_NOT_FOUND),
                org.assertj.core.groups.Tuple.tuple("no-repo", PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH),
                org.assertj.core.groups.Tuple.tuple("stale", PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS),
                org.assertj.core.groups.Tuple.tuple("none", PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS),
                org.assertj.core.groups.Tuple.tuple("arm", PullFailureCategory.PLATFORM_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("bad-name", PullFailureCategory.INVALID_IMAGE_NAME));
        assertThat(r.problems().get(0).nearestTags()).startsWith("3.2.1", "3.2.0");
        assertThat(r.problems().get(2).failure()).isEqualTo("CREDENTIALS_REJECTED");
        assertThat(r.problems().get(4).detail()).contains("linux/arm64").contains("linux/amd64, linux/ppc64le");
        assertThat(r.couldNotCheck()).singleElement().satisfies(f -> {
            assertThat(f.where().name()).isEqualTo("ecr");
            assertThat(f.failure()).isEqualTo("NO_AWS");
        });
        assertThat(r.problems().toString() + r.couldNotCheck()).doesNotContain(PASSWORD);
    }

    @Test
    void withoutAClusterASecretThatCannotBeReadIsCouldNotCheckNotAProblem() {
        String host = registry.host();
        Preflight.Result r = check(deployment("ok", host + "/shop/billing:3.2.1", "regcred", "default", null)
                + deployment("typo", host + "/shop/billing:9", "regcred", "default", null), false, new AtomicInteger());
        assertThat(r.couldNotCheck()).hasSize(2).allSatisfy(f -> {
            assertThat(f.failure()).isEqualTo("SECRETS_NOT_READ");
            assertThat(f.detail()).isEqualTo("regcred");
        });
        assertThat(r.problems()).as("a missing tag of a registry that asks for credentials cannot be told without them")
                .isEmpty();
    }

    @Test
    void anImageUsedByManyTemplatesIsAskedOnce() {
        String host = registry.host();
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            m.append(deployment("app" + i, host + "/shop/billing:3.2.1", "regcred", "default", null));
        }
        AtomicInteger reads = new AtomicInteger();
        Preflight.Result r = check(m.toString(), true, reads);
        assertThat(r.problems()).isEmpty();
        assertThat(r.couldNotCheck()).isEmpty();
        assertThat(r.checked()).isEqualTo(5);
        assertThat(reads.get()).as("the secret is read once per image, namespace and secrets").isEqualTo(1);
    }
}
