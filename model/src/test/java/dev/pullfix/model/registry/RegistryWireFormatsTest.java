package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry's header and body formats, parsed: challenges, rate-limit headers, Link, error bodies, platforms. */
class RegistryWireFormatsTest {

    @Test
    void dockerHubsBearerChallengeIsParsed() {
        List<AuthChallenge> cs = AuthChallenge.parse(List.of("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\",error=\"insufficient_scope\""));
        assertThat(cs).hasSize(1);
        AuthChallenge c = cs.get(0);
        assertThat(c.isBearer()).isTrue();
        assertThat(c.param("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.param("service")).isEqualTo("registry.docker.io");
        assertThat(c.param("scope")).isEqualTo("repository:library/nginx:pull");
        assertThat(c.param("error")).isEqualTo("insufficient_scope");
    }

    @Test
    void severalChallengesInOneHeaderAndQuotedCommasAreKeptApart() {
        List<AuthChallenge> cs = AuthChallenge.parse(List.of(
                "Basic realm=\"Registry, \\\"Realm\\\"\", Bearer realm=https://r.example/token,service=r.example"));
        assertThat(cs).extracting(AuthChallenge::scheme).containsExactly("Basic", "Bearer");
        assertThat(cs.get(0).param("realm")).isEqualTo("Registry, \"Realm\"");
        assertThat(cs.get(1).param("realm")).isEqualTo("https://r.example/token");
        assertThat(cs.get(1).param("service")).isEqualTo("r.example");
    }

    @Test
    void dockerHubRateLimitHeadersAreRead() {
        HttpHeaders h = HttpHeaders.of(Map.of("ratelimit-limit", List.of("100;w=21600"), "ratelimit-remaining",
                List.of("76;w=21600"), "docker-ratelimit-source", List.of("192.0.2.10")), (a, b) -> true);
        RateLimit r = RateLimit.from(h).orElseThrow();
        assertThat(r).isEqualTo(new RateLimit(100, 76, 21600, "192.0.2.10"));
        assertThat(r.exhausted()).isFalse();
        assertThat(RateLimit.from(HttpHeaders.of(Map.of(), (a, b) -> true))).isEmpty();
    }

    @Test
    void linkHeaderGivesTheNextPage() {
        assertThat(ManifestParser.nextLink(List.of("</v2/library/nginx/tags/list?last=1.27&n=100>; rel=\"next\"")))
                .hasValue("/v2/library/nginx/tags/list?last=1.27&n=100");
        assertThat(ManifestParser.nextLink(List.of("<https://x/a>; rel=\"prev\", <https://x/b>; rel=\"next\"")))
                .hasValue("https://x/b");
        assertThat(ManifestParser.nextLink(List.of())).isEmpty();
        assertThat(URI.create("https://ghcr.io/v2/o/r/tags/list?n=2").resolve("/v2/o/r/tags/list?last=b&n=2"))
                .hasToString("https://ghcr.io/v2/o/r/tags/list?last=b&n=2");
    }

    @Test
    void errorBodiesGiveCodesAndMessages() {
        String body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"foo\"}}]}";
        assertThat(ManifestParser.errors(body.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new ManifestParser.ErrorEntry("MANIFEST_UNKNOWN", "manifest unknown"));
        assertThat(ManifestParser.errors("<html>\u001b[31mBad gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .extracting(ManifestParser.ErrorEntry::message).containsExactly("<html> [31mBad gateway</html>");
    }

    @Test
    void anIndexListsItsPlatformsWithoutAttestations() throws Exception {
        String idx = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + "{\"digest\":\"sha256:a\",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}},"
                + "{\"digest\":\"sha256:b\",\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}},"
                + "{\"digest\":\"sha256:c\",\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},"
                + "\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}}]}";
        ManifestParser.Parsed p = ManifestParser.parse(idx.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(p.platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm64");
        assertThat(MediaTypes.isIndex(p.mediaType())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "arm64, linux/arm64/v8, true", "arm64, linux/arm/v7, true", "arm64, linux/amd64, false",
        "amd64, linux/386, true", "amd64, linux/arm64, false", "arm, linux/arm/v6, true", "arm, linux/arm64, false",
        "amd64, windows/amd64, false", "aarch64, linux/arm64, true", "x86_64, linux/amd64, true"})
    void aNodeRunsTheImagePlatformsContainerdWouldPull(String nodeArch, String image, boolean runs) {
        assertThat(Platform.ofNode("linux", nodeArch).runs(Platform.parse(image).orElseThrow())).isEqualTo(runs);
    }

    @Test
    void platformsParseAndPrintNormalised() {
        assertThat(Platform.parse("linux/arm64/v8")).hasValue(new Platform("linux", "arm64", ""));
        assertThat(Platform.parse("arm")).map(Platform::toString).hasValue("linux/arm/v7");
        assertThat(Platform.parse("a/b/c/d")).isEmpty();
        assertThat(Platform.parse("")).isEqualTo(Optional.empty());
    }

    @Test
    void theAcceptHeaderIsContainerds() {
        assertThat(MediaTypes.ACCEPT).isEqualTo("application/vnd.docker.distribution.manifest.v2+json, "
                + "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, "
                + "application/vnd.oci.image.index.v1+json, */*");
    }
}
