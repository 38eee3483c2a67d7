package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.DistributionRegistry;
import dev.pullfix.model.registry.testing.OciLayout;
import dev.pullfix.model.registry.testing.TestCert;
import dev.pullfix.model.registry.testing.TokenServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bearer token flow against the real registry's {@code auth.token}: our token server issues RS256 JWTs the
 * registry verifies; anonymous tokens for a public repository, credentials for a private one.
 */
class TokenRegistryTest {
    @TempDir
    static Path tmp;
    static DistributionRegistry registry;
    static TokenServer tokens;
    static OciLayout.Blob pub;
    static OciLayout.Blob priv;
    static final String SERVICE = "pullfix-test-registry";

    @BeforeAll
    static void start() {
        TestCert signer = TestCert.selfSigned(tmp.resolve("certs"), "token-signer", "DNS:token-signer");
        tokens = new TokenServer(signer, "pullfix-test-issuer", SERVICE)
                .user("pusher", "push-pass", Set.of("*"))
                .user("reader", "read-Pa55", Set.of("team/private"))
                .user("stranger", "other-pass", Set.of())
                .anonymous(Set.of("library/public"));
        registry = DistributionRegistry.builder(tmp.resolve("r"))
                .token(tokens.realm(), SERVICE, "pullfix-test-issuer", signer, "pusher", "push-pass").start();
        OciLayout layout = OciLayout.create(tmp.resolve("layout"));
        pub = layout.image("linux/amd64", "public");
        priv = layout.image("linux/amd64", "private");
        layout.tag("pub", pub, OciLayout.OCI_MANIFEST).tag("priv", priv, OciLayout.OCI_MANIFEST);
        registry.push(layout, "pub", "library/public:1");
        registry.push(layout, "priv", "team/private:1");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    static HttpRegistryClient client() {
        return new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of()));
    }

    static ImageReference ref(String s) {
        return ImageReference.parse(registry.host() + "/" + s);
    }

    @Test
    void anAnonymousTokenWithThePullScopeOpensAPublicRepository() {
        RegistryResult<ManifestHead> r = client().head(ref("library/public:1"), Credential.ANONYMOUS);
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(pub.digest());
        assertThat(r.auth().scheme()).isEqualTo("Bearer");
        assertThat(r.auth().realm()).isEqualTo(tokens.realm());
        assertThat(tokens.seen()).anySatisfy(s -> {
            assertThat(s.method()).isEqualTo("GET");
            assertThat(s.authorization()).isNull();
            assertThat(s.query()).contains("service=" + SERVICE).contains("scope=repository%3Alibrary%2Fpublic%3Apull");
        });
    }

    @Test
    void anAnonymousTokenWithoutAccessIsNotFoundOrUnauthorized() {
        RegistryResult<ManifestHead> r = client().head(ref("team/private:1"), Credential.ANONYMOUS);
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.NOT_FOUND_OR_UNAUTHORIZED);
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH);
        assertThat(r.auth().credentialsSent()).isFalse();
    }

    @Test
    void credentialsGetATokenByBasicGetAfterThePostIsRefused() {
        tokens.acceptOauthPost(false);
        RegistryResult<ManifestHead> r = client().head(ref("team/private:1"),
                Credential.basic("reader", "read-Pa55", "secret default/regcred"));
        assertThat(r.isOk()).as("%s", r.failure()).isTrue();
        assertThat(r.value().digest()).isEqualTo(priv.digest());
        assertThat(r.auth().credentialsAccepted()).isTrue();
        assertThat(client().tags(ref("team/private:1"), Credential.basic("reader", "read-Pa55", "s")).value().tags())
                .containsExactly("1");
    }

    @Test
    void credentialsGetATokenByOauthPostWhenTheRealmOffersIt() {
        tokens.acceptOauthPost(true);
        try {
            int before = tokens.seen().size();
            RegistryResult<Manifest> r = client().manifest(ref("team/private:1"),
                    Credential.basic("reader", "read-Pa55", "secret default/regcred"));
            assertThat(r.isOk()).as("%s", r.failure()).isTrue();
            assertThat(tokens.seen().subList(before, tokens.seen().size())).anySatisfy(s -> {
                assertThat(s.method()).isEqualTo("POST");
                assertThat(s.form()).contains("grant_type=password").contains("client_id=pullfix")
                        .contains("scope=repository%3Ateam%2Fprivate%3Apull");
            });
        } finally {
            tokens.acceptOauthPost(false);
        }
    }

    @Test
    void aWrongPasswordIsRejectedByTheRealm() {
        RegistryResult<ManifestHead> r = client().head(ref("team/private:1"),
                Credential.basic("reader", "not-it", "secret default/regcred"));
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.CREDENTIALS_REJECTED);
        assertThat(r.auth().credentialsAccepted()).isFalse();
        assertThat(r.failure().detail()).contains("failed to fetch oauth token").contains("secret default/regcred")
                .doesNotContain("not-it");
    }

    @Test
    void validCredentialsWithoutAccessAreAcceptedButNotAllowed() {
        RegistryResult<ManifestHead> r = client().head(ref("team/private:1"),
                Credential.basic("stranger", "other-pass", "secret default/other"));
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.NOT_FOUND_OR_UNAUTHORIZED);
        assertThat(r.auth().credentialsAccepted()).isTrue();
    }
}
