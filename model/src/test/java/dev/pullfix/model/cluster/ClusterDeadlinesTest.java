package dev.pullfix.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.model.fault.FaultServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection for the Kubernetes client's deadlines: loopback servers that never answer, stall mid-body or
 * cut the connection. Time bounds are generous (a loaded 2-core machine); before the deadlines a stalled body
 * hung in fabric8 for ever and a blackhole cost two full 60 s timeouts.
 */
class ClusterDeadlinesTest {

    private static final Duration TOTAL = Duration.ofSeconds(3);
    private static final long SLACK_MILLIS = 25_000;

    @TempDir
    Path dir;

    private ClusterConnection connect(FaultServer server, int retries) throws Exception {
        return connectTo(server.url(), retries);
    }

    private ClusterConnection connectTo(String url, int retries) throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "%s"}
                users:
                - name: u
                  user: {token: faulty-token-123}
                contexts:
                - name: ctx
                  context: {cluster: c, user: u, namespace: shop}
                current-context: ctx
                """.formatted(url), StandardCharsets.UTF_8);
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin"), dir);
        ClusterConnector.Options o = ClusterConnector.Options.defaults().withNativeMinter(null)
                .withRetryBackoffLimit(retries).withTimeout(TOTAL);
        return new ClusterConnector(env, o).connect(Kubeconfig.load(env, kc), null);
    }

    private static ClusterError loadPods(ClusterConnection c) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")))
                .isInstanceOfSatisfying(ClusterError.class, e -> thrown[0] = e);
        return (ClusterError) thrown[0];
    }

    @Test
    void aPodListThatStallsMidBodyEndsAsStalledWithTheBytesReceivedWithinTheTimeout() throws Exception {
        String prefix = FaultServer.podListPrefix();
        try (FaultServer server = new FaultServer(FaultServer.Mode.STALL_MID_BODY, prefix);
             ClusterConnection c = connect(server, 1)) {
            long t0 = System.nanoTime();
            ClusterError e = loadPods(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e.code()).isIn(ClusterError.Code.STALLED, ClusterError.Code.TOO_SLOW);
            assertThat(e.args()).containsExactly(server.url(), Integer.toString(prefix.length()), "3");
            assertThat(ms).isLessThan(TOTAL.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void aChunkedBodyThatStallsEndsAsStalledToo() throws Exception {
        String prefix = FaultServer.podListPrefix();
        try (FaultServer server = new FaultServer(FaultServer.Mode.STALL_MID_CHUNKED, prefix);
             ClusterConnection c = connect(server, 0)) {
            long t0 = System.nanoTime();
            ClusterError e = loadPods(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e.code()).isIn(ClusterError.Code.STALLED, ClusterError.Code.TOO_SLOW);
            assertThat(e.args().get(1)).isEqualTo(Integer.toString(prefix.length()));
            assertThat(ms).isLessThan(TOTAL.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void aGetThatStallsMidBodyEndsToo() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.STALL_MID_BODY, "{\"kind\":\"Pod\",");
             ClusterConnection c = connect(server, 1)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> c.kubernetesClient().pods().inNamespace("shop").withName("web-1").get())
                    .satisfies(t -> assertThat(c.error(t, "get", "pods", "shop").code())
                            .isIn(ClusterError.Code.STALLED, ClusterError.Code.TOO_SLOW));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(TOTAL.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void aBlackholeCostsOneTimeoutEvenWithARetry() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.BLACKHOLE, "");
             ClusterConnection c = connect(server, 1)) {
            long t0 = System.nanoTime();
            ClusterError e = loadPods(c);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e.code()).isEqualTo(ClusterError.Code.TIMEOUT);
            assertThat(e.args()).containsExactly(server.url(), "3");
            // one full attempt and no second one: a timed-out connection is not retried
            assertThat(ms).isGreaterThanOrEqualTo(TOTAL.toMillis() - 500).isLessThan(TOTAL.toMillis() + SLACK_MILLIS);
            assertThat(server.requests()).filteredOn(r -> r.startsWith("GET /api/v1/namespaces/shop/pods")).hasSize(1);
        }
    }

    @Test
    void aConnectionCutMidBodyFailsFastAsUnreachable() throws Exception {
        try (FaultServer server = new FaultServer(FaultServer.Mode.CUT_MID_BODY, FaultServer.podListPrefix());
             ClusterConnection c = connect(server, 0)) {
            long t0 = System.nanoTime();
            ClusterError e = loadPods(c);
            assertThat(e.code()).isEqualTo(ClusterError.Code.UNREACHABLE);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(SLACK_MILLIS);
        }
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedOnceWithinTheTotal() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        http.createContext("/", ex -> {
            boolean first = calls.incrementAndGet() == 1;
            byte[] body = (first ? "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"etcd leader changed\",\"code\":503}"
                    : "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(first ? 503 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        try (ClusterConnection c = connectTo("http://127.0.0.1:" + http.getAddress().getPort(), 1)) {
            assertThat(new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")).podCount()).isZero();
            // the pod list twice (503, then 200) plus the two side lists
            assertThat(calls.get()).isBetween(2, 4);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aServerThatKeepsAnswering503IsAskedTwiceAtMostAndSaysSo() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger podLists = new AtomicInteger();
        http.createContext("/", ex -> {
            if (ex.getRequestURI().getPath().endsWith("/pods")) {
                podLists.incrementAndGet();
            }
            byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"overloaded\",\"code\":503}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        try (ClusterConnection c = connectTo("http://127.0.0.1:" + http.getAddress().getPort(), 1)) {
            ClusterError e = loadPods(c);
            assertThat(e.code()).isEqualTo(ClusterError.Code.SERVER_ERROR);
            assertThat(e.args()).containsExactly("503", "overloaded");
            assertThat(podLists.get()).isEqualTo(2);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void theDefaultsStateFifteenSecondsForEachCall() {
        ClusterConnector.Options d = ClusterConnector.Options.defaults();
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.connectTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(d.retryBackoffLimit()).isEqualTo(1);
    }
}
