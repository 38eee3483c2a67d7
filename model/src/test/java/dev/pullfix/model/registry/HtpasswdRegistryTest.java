package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real registry with htpasswd Basic auth: no credentials, the right secret, a wrong secret. */
class HtpasswdRegistryTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static OciLayout.Blob image;
    static final HttpRegistryClient CLIENT = new HttpRegistryClient(RegistryClientOptions.defaults()
            .withEnvironment(Map.of()));

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.builder(tmp.resolve("r")).htpasswd("ci-puller", "s3cret-Pa55").start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        image = layout.image("linux/arm64", "billing");
        layout.tag("b", image, OciLayout.OCI_MANIFEST);
        registry.push(layout, "b", "shop/billing:3.2.1");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    static ImageReference billing() {
        return ImageReference.parse(registry.host() + "/shop/billing:3.2.1");
    }

    @Test
    void withoutCredentialsTheRegistryAsksForThem() {
        RegistryResult<ManifestHead> r = CLIENT.head(billing(), Credential.ANONYMOUS);
        assertThat(r.isOk()).isFalse();
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.AUTH_REQUIRED);
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS);
        assertThat(r.auth().challenged()).isTrue();
        assertThat(r.auth().scheme()).isEqualTo("Basic");
        assertThat(r.auth().credentialsAccepted()).isNull();
    }

    @Test
    void theRightSecretIsAcceptedAndThePlatformRead() {
        Credential c = Credential.basic("ci-puller", "s3cret-Pa55", "secret default/regcred");
        RegistryResult<ManifestHead> r = CLIENT.head(billing(), c);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(image.digest());
        assertThat(r.auth().credentialsAccepted()).isTrue();
        RegistryResult<Manifest> m = CLIENT.manifest(billing(), c);
        assertThat(m.value().platforms()).extracting(Platform::toString).containsExactly("linux/arm64");
        assertThat(CLIENT.tags(billing(), c).value().tags()).containsExactly("3.2.1");
    }

    @Test
    void aWrongSecretIsRejected() {
        RegistryResult<ManifestHead> r = CLIENT.head(billing(), Credential.basic("ci-puller", "wrong", "secret x"));
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.CREDENTIALS_REJECTED);
        assertThat(r.failure().httpStatus()).isEqualTo(401);
        assertThat(r.auth().credentialsAccepted()).isFalse();
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.UNAUTHORIZED_NO_CREDENTIALS);
    }
}
