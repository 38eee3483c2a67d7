package dev.pullfix.model.lab.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.lab.world.LabWorld;
import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.registry.Credential;
import dev.pullfix.model.registry.HttpRegistryClient;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.ImageChecker;
import dev.pullfix.model.registry.Manifest;
import dev.pullfix.model.registry.ManifestHead;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.RateLimit;
import dev.pullfix.model.registry.RegistryFailure;
import dev.pullfix.model.registry.RegistryResult;
import dev.pullfix.model.registry.TagList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The practice lab's registries as real HTTP registries, asked with the same client as any registry: Docker Hub's
 * token flow, budget headers and 429, its "does not exist or may require authorization", a Basic-auth registry, an
 * unreachable one, tag paging.
 */
class LabRegistriesTest {

    static LabRegistries lab(String scenario) {
        return new LabRegistries(new LabWorld(Scenario.find(scenario).orElseThrow()));
    }

    @Test
    void dockerHubAnswersHeadWithTheRateBudgetAndGetWith429WhenItIsSpent() {
        try (LabRegistries r = lab("S6")) {
            HttpRegistryClient c = r.client();
            ImageReference httpd = ImageReference.parse("httpd:latest");
            RegistryResult<ManifestHead> head = c.head(httpd, Credential.ANONYMOUS);
            assertThat(head.isOk()).as("%s", head.failure()).isTrue();
            assertThat(head.auth().scheme()).isEqualTo("Bearer");
            assertThat(head.auth().realm()).isEqualTo(r.endpoints().get("docker.io") + "/token");
            assertThat(head.rateLimit()).isEqualTo(new RateLimit(100, 0, 21600, "203.0.113.7"));
            RegistryResult<Manifest> get = c.manifest(httpd, Credential.ANONYMOUS);
            assertThat(get.failure().kind()).isEqualTo(RegistryFailure.Kind.RATE_LIMITED);
            assertThat(get.failure().codes()).containsExactly("TOOMANYREQUESTS");
            assertThat(get.failure().detail()).contains("You have reached your pull rate limit");
            Credential hub = Credential.basic("lab-hub-user", "lab-hub-token", "secret default/regcred");
            RegistryResult<ManifestHead> authed = c.head(httpd, hub);
            assertThat(authed.auth().credentialsAccepted()).isTrue();
            assertThat(authed.rateLimit().remaining()).isEqualTo(200);
            ImageCheckResult check = new ImageChecker(c).check(httpd, List.of(), null);
            assertThat(check.category()).isEqualTo(PullFailureCategory.RATE_LIMITED);
            assertThat(check.imageExists()).isTrue();
        }
    }

    @Test
    void aDockerHubRepositoryThatDoesNotExistLooksPrivate() {
        try (LabRegistries r = lab("S3")) {
            RegistryResult<ManifestHead> h = r.client().head(ImageReference.parse("nginxx"), Credential.ANONYMOUS);
            assertThat(h.failure().kind()).isEqualTo(RegistryFailure.Kind.NOT_FOUND_OR_UNAUTHORIZED);
            ImageCheckResult check = new ImageChecker(r.client()).check(ImageReference.parse("nginxx"), List.of(), null);
            assertThat(check.category()).isEqualTo(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
            assertThat(check.repositoryExists()).isNull();
        }
    }

    @Test
    void theS2TagPickerGetsTheLabsRealTagsAndNginxFooIsMissing() {
        try (LabRegistries r = lab("S2")) {
            ImageChecker checker = new ImageChecker(r.client());
            ImageCheckResult check = checker.check(ImageReference.parse("nginx:foo"), List.of(),
                    Platform.ofNode("linux", "amd64"));
            assertThat(check.imageExists()).isFalse();
            assertThat(check.repositoryExists()).isTrue();
            assertThat(check.category()).isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
            assertThat(check.nearestTags()).containsExactlyInAnyOrder("latest", "stable", "1.27", "1.27.2", "alpine");
            RegistryResult<TagList> tags = checker.tags(ImageReference.parse("nginx:foo"), List.of());
            assertThat(tags.value().tags()).containsExactly("1.27.2", "1.27", "alpine", "latest", "stable");
            ImageCheckResult ok = checker.check(ImageReference.parse("nginx:stable"), List.of(),
                    Platform.ofNode("linux", "arm64"));
            assertThat(ok.pullable()).isTrue();
            assertThat(ok.platforms()).containsExactly("linux/amd64", "linux/arm64");
        }
    }

    @Test
    void tagsArePagedWithLinkWhenAsked() {
        try (LabRegistries r = lab("S2")) {
            HttpRegistryClient c = new HttpRegistryClient(r.options().withTagPaging(100, 2));
            RegistryResult<TagList> tags = c.tags(ImageReference.parse("nginx"), Credential.ANONYMOUS);
            assertThat(tags.value().pages()).isEqualTo(3);
            assertThat(tags.value().tags()).containsExactly("1.27", "1.27.2", "alpine", "latest", "stable");
        }
    }

    @Test
    void aBasicAuthRegistryWantsCredentialsAndTakesTheRightOnes() {
        try (LabRegistries r = lab("S4")) {
            ImageReference billing = ImageReference.parse("registry.example.com/shop/billing:3.2.1");
            ImageCheckResult none = new ImageChecker(r.client()).check(billing, List.of(), null);
            assertThat(none.failure().kind()).isEqualTo(RegistryFailure.Kind.AUTH_REQUIRED);
            assertThat(none.category()).isEqualTo(PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS);
            ImageCheckResult right = new ImageChecker(r.client()).check(billing,
                    List.of(Credential.basic("ci-puller", "lab-registry-pass", "secret default/regcred")), null);
            assertThat(right.pullable()).isTrue();
            assertThat(right.credentialsAccepted()).isTrue();
        }
    }

    @Test
    void anUnreachableRegistryTimesOutWithinTheLabDeadline() {
        try (LabRegistries r = lab("S5")) {
            long t0 = System.nanoTime();
            ImageCheckResult check = new ImageChecker(r.client()).check(
                    ImageReference.parse("registry.internal.example.com/team/inventory:1.8.0"), List.of(), null);
            assertThat(check.category()).isEqualTo(PullFailureCategory.NETWORK_TIMEOUT);
            assertThat(check.couldNotAsk()).isTrue();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
        }
    }

    @Test
    void browserRequestsAreRefused() throws Exception {
        try (LabRegistries r = lab("S2")) {
            HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(r.endpoints().get("docker.io") + "/v2/")).header("Origin", "http://evil.example").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(403);
        }
    }
}
