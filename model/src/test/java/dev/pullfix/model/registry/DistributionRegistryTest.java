package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real CNCF distribution registry (no auth, plain HTTP on loopback): images pushed with skopeo
 * from OCI layouts written here; a multi-arch index without linux/arm64; 25 tags listed (asked in pages of 10); a deleted tag.
 */
class DistributionRegistryTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static OciLayout.Blob single;
    static OciLayout.Blob multi;
    static OciLayout.Blob kept;
    static HttpRegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        registry = DistributionRegistry.builder(tmp.resolve("registry")).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        single = layout.image("linux/amd64", "single");
        multi = layout.index(List.of("linux/amd64", "linux/arm/v7"), "multi");
        OciLayout.Blob gone = layout.image("linux/amd64", "gone");
        kept = layout.image("linux/amd64", "kept");
        layout.tag("single", single, OciLayout.OCI_MANIFEST).tag("multi", multi, OciLayout.OCI_INDEX)
                .tag("gone", gone, OciLayout.OCI_MANIFEST).tag("kept", kept, OciLayout.OCI_MANIFEST);
        registry.push(layout, "single", "team/app:v1");
        registry.push(layout, "multi", "team/multi:1.0");
        registry.push(layout, "gone", "team/deleted:v1");
        registry.push(layout, "kept", "team/deleted:v2");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= 25; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl()
                    + "/v2/team/paged/manifests/t" + String.format("%02d", i))).header("Content-Type", OciLayout.OCI_MANIFEST)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(single.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            if (i == 1) {
                // the first tag needs the blobs: push them once with skopeo, then the manifest again by PUT
                registry.push(layout, "single", "team/paged:t01");
            }
        }
        HttpResponse<String> del = http.send(HttpRequest.newBuilder(URI.create(registry.baseUrl()
                + "/v2/team/deleted/manifests/" + gone.digest())).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(del.statusCode()).isEqualTo(202);
        client = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(java.util.Map.of())
                .withTagPaging(10_000, 10));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static ImageReference ref(String repoAndRef) {
        return ImageReference.parse(registry.host() + "/" + repoAndRef);
    }

    @Test
    void pingFindsAnOpenApiV2OverPlainHttpOnLoopback() {
        RegistryResult<Ping> r = client.ping(registry.host());
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().status()).isEqualTo(200);
        assertThat(r.value().endpoint()).isEqualTo("http://" + registry.host());
    }

    @Test
    void headAnonymouslyGivesThePushedDigest() {
        RegistryResult<ManifestHead> r = client.head(ref("team/app:v1"), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(single.digest());
        assertThat(r.value().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(r.auth().challenged()).isFalse();
    }

    @Test
    void singleManifestNamesThePlatformOfItsConfig() {
        RegistryResult<Manifest> r = client.manifest(ref("team/app:v1"), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(single.digest());
        assertThat(r.value().platforms()).containsExactly(new Platform("linux", "amd64", ""));
        assertThat(r.value().runsOn(Platform.ofNode("linux", "arm64"))).isFalse();
        assertThat(r.value().runsOn(Platform.ofNode("linux", "amd64"))).isTrue();
    }

    @Test
    void indexWithoutArm64DoesNotRunOnAnArm64Node() {
        RegistryResult<Manifest> r = client.manifest(ref("team/multi:1.0"), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().isIndex()).isTrue();
        assertThat(r.value().digest()).isEqualTo(multi.digest());
        assertThat(r.value().platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm/v7");
        assertThat(r.value().runsOn(Platform.ofNode("linux", "arm64"))).as("arm64 runs arm/v7 images (containerd)")
                .isTrue();
        assertThat(r.value().runsOn(Platform.parse("linux/arm64").orElseThrow())).isTrue();
        assertThat(r.value().runsOn(Platform.ofNode("linux", "s390x"))).isFalse();
        assertThat(r.value().runsOn(Platform.ofNode("linux", "ppc64le"))).isFalse();
    }

    @Test
    void missingTagIsManifestUnknownAndTagNotFound() {
        RegistryResult<ManifestHead> head = client.head(ref("team/app:v9"), Credential.ANONYMOUS);
        assertThat(head.isOk()).isFalse();
        assertThat(head.failure().kind()).isEqualTo(RegistryFailure.Kind.MANIFEST_UNKNOWN);
        assertThat(head.failure().httpStatus()).isEqualTo(404);
        assertThat(head.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
        RegistryResult<Manifest> get = client.manifest(ref("team/app:v9"), Credential.ANONYMOUS);
        assertThat(get.failure().codes()).containsExactly("MANIFEST_UNKNOWN");
        assertThat(get.failure().detail()).contains("404 Not Found").contains("manifest unknown");
    }

    @Test
    void missingRepositoryIsNameUnknown() {
        RegistryResult<TagList> tags = client.tags(ref("team/nothing:v1"), Credential.ANONYMOUS);
        assertThat(tags.isOk()).isFalse();
        assertThat(tags.failure().kind()).isEqualTo(RegistryFailure.Kind.NAME_UNKNOWN);
        assertThat(tags.failure().codes()).containsExactly("NAME_UNKNOWN");
        assertThat(tags.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
        // distribution answers a manifest of a missing repository with MANIFEST_UNKNOWN: only tags/list tells them apart
        RegistryResult<Manifest> get = client.manifest(ref("team/nothing:v1"), Credential.ANONYMOUS);
        assertThat(get.failure().kind()).isEqualTo(RegistryFailure.Kind.MANIFEST_UNKNOWN);
    }

    @Test
    void tagsAreReadAcrossLinkPages() {
        RegistryResult<TagList> r = client.tags(ref("team/paged:t01"), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            want.add(String.format("t%02d", i));
        }
        // distribution pages in its storage order, not sorted: every tag once
        assertThat(r.value().tags()).containsExactlyInAnyOrderElementsOf(want);
        // distribution 2.8 (Debian) ignores n on tags/list and answers in one page; v3 pages with Link (the
        // Link-following itself is tested against a stub in RegistryStubTest)
        assertThat(r.value().pages()).isBetween(1, 3);
        assertThat(r.value().truncated()).isFalse();
    }

    @Test
    void tagListingStopsAtTheClientsLimitAndSaysSo() {
        HttpRegistryClient small = new HttpRegistryClient(RegistryClientOptions.defaults()
                .withEnvironment(java.util.Map.of()).withTagPaging(12, 5));
        RegistryResult<TagList> r = small.tags(ref("team/paged:t01"), Credential.ANONYMOUS);
        assertThat(r.value().tags()).hasSize(12);
        assertThat(r.value().truncated()).isTrue();
    }

    @Test
    void deletedTagIsGoneAndTheOtherStays() {
        assertThat(client.head(ref("team/deleted:v1"), Credential.ANONYMOUS).failure().kind())
                .isEqualTo(RegistryFailure.Kind.MANIFEST_UNKNOWN);
        assertThat(client.head(ref("team/deleted:v2"), Credential.ANONYMOUS).value().digest()).isEqualTo(kept.digest());
        assertThat(client.tags(ref("team/deleted:v2"), Credential.ANONYMOUS).value().tags()).containsExactly("v2");
    }

    @Test
    void digestReferenceResolvesAndAWrongDigestIsNotFound() {
        RegistryResult<Manifest> r = client.manifest(ref("team/app@" + single.digest()), Credential.ANONYMOUS);
        assertThat(r.value().digest()).isEqualTo(single.digest());
        RegistryResult<ManifestHead> missing = client.head(ref("team/app@" + OciLayout.digestOf("nothing")),
                Credential.ANONYMOUS);
        assertThat(missing.failure().kind()).isEqualTo(RegistryFailure.Kind.MANIFEST_UNKNOWN);
    }
}
