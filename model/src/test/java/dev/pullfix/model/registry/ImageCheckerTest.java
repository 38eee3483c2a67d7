package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry checks of one image against the real registry with htpasswd auth, credentials coming from a pull
 * secret's {@code .dockerconfigjson} through the kubelet's keyring: exists, tag missing (nearest tags), repository
 * missing, wrong secret, no secret, and a multi-arch index without the node's platform.
 */
class ImageCheckerTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static OciLayout.Blob multi;
    static final HttpRegistryClient CLIENT = new HttpRegistryClient(RegistryClientOptions.defaults()
            .withEnvironment(Map.of()));

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).htpasswd("ci-puller", "lab-registry-pass").start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        multi = layout.index(List.of("linux/amd64", "linux/ppc64le"), "billing");
        layout.tag("m", multi, OciLayout.OCI_INDEX);
        for (String tag : List.of("3.2.1", "3.2.0", "3.1.9", "2.0.0", "latest")) {
            registry.push(layout, "m", "shop/billing:" + tag);
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    static List<Credential> secret(String password) throws Exception {
        PullSecret s = new PullSecret("default", "regcred", PullSecret.TYPE_CONFIG_JSON, ("{\"auths\":{\""
                + registry.host() + "\":{\"username\":\"ci-puller\",\"password\":\"" + password + "\"}}}")
                .getBytes(StandardCharsets.UTF_8), null);
        KubeletCredentials kc = KubeletCredentials.resolve((ns, n) -> Optional.of(s), "default", List.of("regcred"));
        return kc.credentialsFor(ref("shop/billing:3.2.1"));
    }

    static ImageReference ref(String s) {
        return ImageReference.parse(registry.host() + "/" + s);
    }

    @Test
    void theRightSecretPullsOnAnAmd64Node() throws Exception {
        ImageCheckResult r = new ImageChecker(CLIENT).check(ref("shop/billing:3.2.1"), secret("lab-registry-pass"),
                Platform.ofNode("linux", "amd64"));
        assertThat(r.pullable()).as("%s", r).isTrue();
        assertThat(r.repositoryExists()).isTrue();
        assertThat(r.imageExists()).isTrue();
        assertThat(r.authRequired()).isTrue();
        assertThat(r.credentialsAccepted()).isTrue();
        assertThat(r.credentialSource()).isEqualTo("secret default/regcred (" + registry.host() + ")");
        assertThat(r.digest()).isEqualTo(multi.digest());
        assertThat(r.platforms()).containsExactly("linux/amd64", "linux/ppc64le");
        assertThat(r.platformMatches()).isTrue();
        assertThat(r.failure()).isNull();
    }

    @Test
    void anArm64NodeFindsNoPlatformAndIsToldWhichThereAre() throws Exception {
        ImageCheckResult r = new ImageChecker(CLIENT).check(ref("shop/billing:3.2.1"), secret("lab-registry-pass"),
                Platform.ofNode("linux", "arm64"));
        assertThat(r.pullable()).isFalse();
        assertThat(r.imageExists()).isTrue();
        assertThat(r.platformMatches()).isFalse();
        assertThat(r.platform()).isEqualTo("linux/arm64");
        assertThat(r.category()).isEqualTo(PullFailureCategory.PLATFORM_MISMATCH);
        assertThat(r.failure().detail()).contains("linux/amd64").contains("linux/ppc64le");
    }

    @Test
    void aMissingTagGivesTheNearestExistingTags() throws Exception {
        ImageCheckResult r = new ImageChecker(CLIENT).check(ref("shop/billing:3.2.2"), secret("lab-registry-pass"), null);
        assertThat(r.imageExists()).isFalse();
        assertThat(r.repositoryExists()).isTrue();
        assertThat(r.category()).isEqualTo(PullFailureCategory.TAG_NOT_FOUND);
        assertThat(r.nearestTags()).startsWith("3.2.1", "3.2.0", "3.1.9", "2.0.0").contains("latest");
        assertThat(r.tagsListed()).isTrue();
    }

    @Test
    void aMissingRepositoryIsSaidToBeMissing() throws Exception {
        ImageCheckResult r = new ImageChecker(CLIENT).check(ref("shop/biling:3.2.1"), secret("lab-registry-pass"), null);
        assertThat(r.repositoryExists()).isFalse();
        assertThat(r.imageExists()).isFalse();
        assertThat(r.category()).isEqualTo(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
    }

    @Test
    void aWrongSecretIsNotAcceptedAndNoSecretIsAuthRequired() throws Exception {
        ImageCheckResult wrong = new ImageChecker(CLIENT).check(ref("shop/billing:3.2.1"), secret("old-password"), null);
        assertThat(wrong.credentialsAccepted()).isFalse();
        assertThat(wrong.authRequired()).isTrue();
        assertThat(wrong.imageExists()).isNull();
        assertThat(wrong.category()).isEqualTo(PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS);
        ImageCheckResult none = new ImageChecker(CLIENT).check(ref("shop/billing:3.2.1"), List.of(), null);
        assertThat(none.credentialsAccepted()).isNull();
        assertThat(none.authRequired()).isTrue();
        assertThat(none.failure().kind()).isEqualTo(RegistryFailure.Kind.AUTH_REQUIRED);
    }

    @Test
    void theTagPickerListsNewestVersionFirst() throws Exception {
        RegistryResult<TagList> r = new ImageChecker(CLIENT).tags(ref("shop/billing:x"), secret("lab-registry-pass"));
        assertThat(r.value().tags()).containsExactly("3.2.1", "3.2.0", "3.1.9", "2.0.0", "latest");
    }
}
