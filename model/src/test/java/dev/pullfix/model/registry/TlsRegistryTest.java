package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import dev.pullfix.model.registry.testing.TestCert;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real registry behind TLS with a self-signed certificate: without the CA, with it, and listed as insecure. */
class TlsRegistryTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static TestCert cert;
    static OciLayout.Blob image;

    @BeforeAll
    static void start() {
        cert = TestCert.selfSigned(tmp.resolve("certs"), "registry", "IP:127.0.0.1,DNS:localhost");
        registry = DistributionRegistry.builder(tmp.resolve("r")).tls(cert).start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        image = layout.image("linux/amd64", "tls");
        layout.tag("t", image, OciLayout.OCI_MANIFEST);
        registry.push(layout, "t", "team/app:1.0");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    static ImageReference app() {
        return ImageReference.parse(registry.host() + "/team/app:1.0");
    }

    @Test
    void anUnknownCaIsATlsCertificateFailureNotAPlainHttpFallback() {
        HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of()));
        RegistryResult<ManifestHead> r = c.head(app(), Credential.ANONYMOUS);
        assertThat(r.isOk()).isFalse();
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.TLS);
        assertThat(r.failure().detail()).contains("x509: certificate signed by unknown authority");
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.TLS_CERTIFICATE);
        assertThat(r.failure().answered()).isFalse();
    }

    @Test
    void theUsersCaMakesItTrusted() throws Exception {
        HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withExtraCas(TlsTrust.readCertificates(cert.certPem())));
        RegistryResult<ManifestHead> r = c.head(app(), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(image.digest());
        assertThat(c.ping(registry.host()).value().endpoint()).isEqualTo("https://" + registry.host());
    }

    @Test
    void aCaForAnotherNameStillFailsOnTheHostName() throws Exception {
        // the registry's certificate names 127.0.0.1 and localhost; reached as 127.0.0.2 (also loopback) it is wrong
        HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withExtraCas(TlsTrust.readCertificates(cert.certPem()))
                .withEndpoints(Map.of("registry.test", java.net.URI.create("https://127.0.0.2:" + registry.port()))));
        RegistryResult<ManifestHead> r = c.head(ImageReference.parse("registry.test/team/app:1.0"), Credential.ANONYMOUS);
        if (r.failure() != null && r.failure().kind() == RegistryFailure.Kind.UNREACHABLE) {
            return; // 127.0.0.2 not routed on this machine: nothing to learn
        }
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.TLS);
        assertThat(r.failure().detail()).contains("not valid for 127.0.0.2");
    }

    @Test
    void aRegistryListedAsInsecureSkipsVerification() {
        HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withInsecureHosts(Set.of(registry.host())));
        RegistryResult<ManifestHead> r = c.head(app(), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
    }
}
