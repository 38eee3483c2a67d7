package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registry endpoints from the environment ({@code PULLFIX_REGISTRY_ENDPOINTS}, what the practice lab sets and the GUI
 * and the CLI read): the tag picker's list from the real CNCF registry standing in for each registry kind's host,
 * newest first; explicit endpoints win; a malformed entry is as if unset.
 */
class EndpointsFromEnvironmentTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        OciLayout.Blob img = layout.image("linux/amd64", "web");
        layout.tag("w", img, OciLayout.OCI_MANIFEST);
        for (String tag : List.of("1.9.0", "1.10.2", "1.10.10", "stable")) {
            registry.push(layout, "w", "team/web:" + tag);
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    static ClientRegistryPort port(Map<String, String> env) {
        return ClientRegistryPort.lazy(() -> new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(env)),
                (ns, name) -> Optional.empty());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "docker.io/team/web:1.9.1, DOCKER_HUB, docker.io",
            "ghcr.io/team/web:1.9.1, GHCR, ghcr.io",
            "quay.io/team/web:1.9.1, QUAY, quay.io",
            "gcr.io/team/web:1.9.1, GCR, gcr.io",
            "europe-docker.pkg.dev/team/web:1.9.1, ARTIFACT_REGISTRY, europe-docker.pkg.dev",
            "shop.azurecr.io/team/web:1.9.1, ACR, shop.azurecr.io",
            "registry.example.com/team/web:1.9.1, PRIVATE, registry.example.com"})
    void theTagPickerListsTheRegistrysRealTagsForEveryKind(String image, RegistryKind kind, String host) throws Exception {
        assertThat(ImageReference.parse(image).registry().kind()).isEqualTo(kind);
        Map<String, String> env = Map.of(RegistryClientOptions.ENDPOINTS_ENV,
                "elsewhere.example=http://127.0.0.1:1," + host + "=" + registry.baseUrl());
        RegistryResult<TagList> tags = port(env).tags(image, "default", List.of());
        assertThat(tags.isOk()).as("%s", tags.failure()).isTrue();
        assertThat(tags.value().tags()).containsExactlyInAnyOrder("1.10.10", "1.10.2", "1.9.0", "stable");
        ImageCheckResult missing = port(env).check(image, "default", List.of(), null);
        assertThat(missing.nearestTags()).as("a missing tag's nearest tags").startsWith("1.9.0");
    }

    @Test
    void explicitEndpointsWinAndMalformedEntriesAreIgnored() {
        RegistryClientOptions o = RegistryClientOptions.defaults().withEnvironment(Map.of(RegistryClientOptions.ENDPOINTS_ENV,
                "ghcr.io=ftp://x, quay.io=http://127.0.0.1:5000 ,broken,=http://127.0.0.1:1,gcr.io=http://127.0.0.1:6000"))
                .withEndpoints(Map.of("gcr.io", URI.create("https://mirror.example.com")));
        assertThat(o.endpoint("ghcr.io")).isNull();
        assertThat(o.endpoint("quay.io")).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(o.endpoint("gcr.io")).isEqualTo(URI.create("https://mirror.example.com"));
        assertThat(o.endpoint("broken")).isNull();
        assertThat(new HttpRegistryClient(o).endpoint("ghcr.io")).isEqualTo(URI.create("https://ghcr.io"));
        assertThat(RegistryClientOptions.endpointsEnv(Map.of("docker.io", URI.create("http://127.0.0.1:7"))))
                .isEqualTo("docker.io=http://127.0.0.1:7");
    }
}
