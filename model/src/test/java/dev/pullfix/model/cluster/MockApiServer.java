package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/** fabric8's CRUD mock API server on loopback (plus expectations), and a kubeconfig pointing at it. */
final class MockApiServer implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient client;
    final int port;

    MockApiServer(boolean https) {
        this(https, 0);
    }

    MockApiServer(boolean https, int port) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new SelectorIgnoringDispatcher(responses), https);
        server.init(InetAddress.getLoopbackAddress(), port);
        this.port = server.getPort();
        client = server.createClient();
    }

    /**
     * The CRUD mock filters field selectors on nested fields (involvedObject.*, reason) to nothing; a real API
     * server honours them. Dropping them makes the mock answer a superset, as STACK.md describes, and the code
     * under test filters again on its side.
     */
    static final class SelectorIgnoringDispatcher extends KubernetesMixedDispatcher {
        SelectorIgnoringDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
            super(responses);
        }

        @Override
        public io.fabric8.mockwebserver.http.MockResponse dispatch(io.fabric8.mockwebserver.http.RecordedRequest r) {
            String path = r.getPath();
            if (path != null && path.contains("fieldSelector=") && !path.contains("watch=true")) {
                String stripped = path.replaceAll("fieldSelector=[^&]*&?", "").replaceAll("[?&]$", "");
                r = new io.fabric8.mockwebserver.http.RecordedRequest(r.getHttpVersion(), r.method(), stripped,
                        r.getHeaders(), r.getBody());
            }
            return super.dispatch(r);
        }
    }

    String url() {
        String u = server.url("/");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Writes a kubeconfig with one token context "lab" pointing at this server. */
    Path kubeconfig(Path dir, String extraUserYaml) throws Exception {
        Path f = dir.resolve("config");
        Files.writeString(f, """
                apiVersion: v1
                kind: Config
                current-context: lab
                clusters:
                - name: lab
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: lab
                  context:
                    cluster: lab
                    user: lab-user
                    namespace: shop
                users:
                - name: lab-user
                  user:
                %s
                """.formatted(url(), extraUserYaml == null ? "    token: lab-token" : extraUserYaml));
        return f;
    }

    ClusterConnection connect(Path kubeconfig) {
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), kubeconfig.getParent());
        Kubeconfig kc = Kubeconfig.load(env, kubeconfig);
        return new ClusterConnector(env, ClusterConnector.Options.defaults().withRetryBackoffLimit(0)
                .withNativeMinter(null)).connect(kc, null);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
