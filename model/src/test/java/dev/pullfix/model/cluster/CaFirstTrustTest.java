package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.lab.server.LabApiServer;
import dev.pullfix.model.lab.server.LabApiServerOptions;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeconfig's CA is trusted first and the JDK's CAs only when it does not vouch for the server: against two lab
 * API servers, each with a CA of its own, a kubeconfig reaches the server its CA signed and is refused by the other
 * (its certificate chains to neither that CA nor the JDK's), as with fabric8's own trust store of both.
 */
class CaFirstTrustTest {
    static LabApiServer server;
    static LabApiServer stranger;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        stranger = LabApiServer.start(LabApiServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
        stranger.close();
    }

    private ClusterConnection connect(String kubeconfigText) throws Exception {
        Path kc = dir.resolve("kubeconfig");
        Files.writeString(kc, kubeconfigText);
        ClusterEnvironment env = ClusterEnvironment.of(Map.of(), dir);
        return new ClusterConnector(env, ClusterConnector.Options.defaults()).connect(Kubeconfig.load(env, kc), null);
    }

    @Test
    void readsFromTheServerItsKubeconfigsCaSigned() throws Exception {
        try (ClusterConnection c = connect(server.kubeconfig())) {
            assertThat(new KubeReads(c).get("v1", null, "namespaces", "default").path("metadata").path("name").asText())
                    .isEqualTo("default");
        }
    }

    @Test
    void refusesAServerWhoseCertificateNeitherTheCaNorTheJdkVouchesFor() throws Exception {
        String otherCa = server.kubeconfig().replace(server.certificateAuthorityData(), stranger.certificateAuthorityData());
        try (ClusterConnection c = connect(otherCa)) {
            assertThatThrownBy(() -> new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("default")))
                    .isInstanceOfSatisfying(ClusterError.class,
                            e -> assertThat(e.code()).isEqualTo(ClusterError.Code.TLS_FAILURE));
        }
    }

    @Test
    void appliesOnlyWhenTheKubeconfigNamesACaAndNoOtherTrust() {
        Config withCa = Config.empty();
        withCa.setCaCertData(server.certificateAuthorityData());
        assertThat(CaFirstTrustManager.forConfig(withCa)).singleElement().isInstanceOf(X509ExtendedTrustManager.class);

        assertThat(CaFirstTrustManager.forConfig(Config.empty())).isNull();
        Config trustAll = Config.empty();
        trustAll.setCaCertData(server.certificateAuthorityData());
        trustAll.setTrustCerts(true);
        assertThat(CaFirstTrustManager.forConfig(trustAll)).isNull();
        Config store = Config.empty();
        store.setCaCertData(server.certificateAuthorityData());
        store.setTrustStoreFile("/etc/ssl/custom.p12");
        assertThat(CaFirstTrustManager.forConfig(store)).isNull();
        Config garbage = Config.empty();
        garbage.setCaCertData("bm90IGEgY2VydGlmaWNhdGU=");
        assertThat(CaFirstTrustManager.forConfig(garbage)).isNull();
    }
}
