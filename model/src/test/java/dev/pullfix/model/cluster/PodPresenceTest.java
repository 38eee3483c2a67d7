package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before a diagnosis: a pod that is there costs one call (its namespace is then there too); a missing pod is told
 * apart from a missing namespace.
 */
class PodPresenceTest {
    @TempDir
    Path dir;
    MockApiServer api;
    ClusterConnection conn;

    @BeforeEach
    void setUp() throws Exception {
        api = new MockApiServer(false);
        api.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                .build()).create();
        api.client.pods().inNamespace("shop").resource(Fixtures.imagePullBackOff()).create();
        conn = api.connect(api.kubeconfig(dir, null));
    }

    @AfterEach
    void tearDown() {
        conn.close();
        api.close();
    }

    @Test
    void aPodThatIsThereCostsOneCall() {
        String pod = Fixtures.imagePullBackOff().getMetadata().getName();
        int before = api.server.getRequestCount();

        PodPresence.requirePod(conn, "shop", pod);

        assertThat(api.server.getRequestCount() - before).isEqualTo(1);
    }

    @Test
    void aMissingPodAndAMissingNamespaceAreToldApart() {
        assertThatThrownBy(() -> PodPresence.requirePod(conn, "shop", "nope"))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.POD_NOT_FOUND));
        assertThatThrownBy(() -> PodPresence.requirePod(conn, "nons", "nope"))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.NAMESPACE_NOT_FOUND));
    }
}
