package dev.pullfix.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.registry.testing.StubServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redirects, paging, plain HTTP rules, deadlines and network failures, against small loopback stubs. */
class RegistryTransportTest {
    static final String CONFIG = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
            + "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00\",\"size\":70},\"layers\":[]}";

    static HttpRegistryClient client(String host, String base) {
        return new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withEndpoints(Map.of(host, URI.create(base))));
    }

    @Test
    void aBlobRedirectToAnotherHostDropsTheAuthorizationHeader() {
        try (StubServer cdn = new StubServer(ex -> StubServer.reply(ex, 200, Map.of("Content-Type", "application/json"), CONFIG));
             StubServer reg = new StubServer(ex -> {
                 String auth = ex.getRequestHeaders().getFirst("Authorization");
                 if (auth == null) {
                     StubServer.reply(ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"stub\""), "");
                 } else if (ex.getRequestURI().getPath().contains("/blobs/")) {
                     StubServer.reply(ex, 307, Map.of("Location", "http://127.0.0.1:" + cdnPort(ex) + "/signed?X-Amz-Signature=abc"), "");
                 } else {
                     StubServer.reply(ex, 200, Map.of("Content-Type", MediaTypes.OCI_MANIFEST), MANIFEST);
                 }
             })) {
            CDN_PORT.set(cdn.port());
            RegistryResult<Manifest> r = client("registry.test", reg.base()).manifest(
                    ImageReference.parse("registry.test/team/app:1"), Credential.basic("u", "p4ss-word", "secret x"));
            assertThat(r.isOk()).as("%s", r.failure()).isTrue();
            assertThat(r.value().platforms()).extracting(Platform::toString).containsExactly("linux/arm64");
            assertThat(cdn.seen()).hasSize(1);
            assertThat(cdn.seen().get(0).header("Authorization")).isNull();
            assertThat(reg.seen()).allSatisfy(s -> assertThat(s.header("Accept")).isNotNull());
            assertThat(reg.seen().get(0).header("Accept")).isEqualTo(MediaTypes.ACCEPT);
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger CDN_PORT = new java.util.concurrent.atomic.AtomicInteger();

    static int cdnPort(com.sun.net.httpserver.HttpExchange ex) {
        return CDN_PORT.get();
    }

    @Test
    void tagsFollowRelativeAndAbsoluteLinkPages() {
        List<String> pages = new ArrayList<>();
        try (StubServer reg = new StubServer(ex -> {
            String q = ex.getRequestURI().getRawQuery();
            pages.add(q);
            String base = "http://127.0.0.1:" + ex.getLocalAddress().getPort();
            if (q.equals("n=2")) {
                StubServer.reply(ex, 200, Map.of("Link", "</v2/o/r/tags/list?last=b&n=2>; rel=\"next\""),
                        "{\"name\":\"o/r\",\"tags\":[\"a\",\"b\"]}");
            } else if (q.equals("last=b&n=2")) {
                StubServer.reply(ex, 200, Map.of("Link", "<" + base + "/v2/o/r/tags/list?last=d&n=2>; rel=\"next\""),
                        "{\"name\":\"o/r\",\"tags\":[\"c\",\"d\"]}");
            } else {
                StubServer.reply(ex, 200, Map.of(), "{\"name\":\"o/r\",\"tags\":[\"e\"]}");
            }
        })) {
            HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                    .withEndpoints(Map.of("ghcr.io", URI.create(reg.base()))).withTagPaging(100, 2));
            RegistryResult<TagList> r = c.tags(ImageReference.parse("ghcr.io/o/r:x"), Credential.ANONYMOUS);
            assertThat(r.value().tags()).containsExactly("a", "b", "c", "d", "e");
            assertThat(r.value().pages()).isEqualTo(3);
            assertThat(pages).containsExactly("n=2", "last=b&n=2", "last=d&n=2");
        }
    }

    @Test
    void plainHttpIsRefusedForARegistryThatIsNeitherLoopbackNorInsecure() {
        HttpRegistryClient c = client("registry.example.com", "http://registry.example.com");
        RegistryResult<ManifestHead> r = c.head(ImageReference.parse("registry.example.com/a/b:1"), Credential.ANONYMOUS);
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.PLAIN_HTTP);
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.TLS_CERTIFICATE);
        RegistryTransport t = new RegistryTransport(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withInsecureHosts(java.util.Set.of("registry.example.com")));
        assertThat(t.plainHttpAllowed("registry.example.com:5000")).isTrue();
        assertThat(t.plainHttpAllowed("localhost:5000")).isTrue();
        assertThat(t.plainHttpAllowed("127.0.0.1")).isTrue();
        assertThat(t.plainHttpAllowed("[::1]:5000")).isTrue();
        assertThat(t.plainHttpAllowed("registry-1.docker.io")).isFalse();
    }

    @Test
    void aStalledRegistryCostsTheReadTimeoutNotMore() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(s.accept()); // accept, then never answer
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(5))
                    .withEndpoints(Map.of("stall.test", URI.create("http://127.0.0.1:" + s.getLocalPort()))));
            long t0 = System.nanoTime();
            RegistryResult<ManifestHead> r = c.head(ImageReference.parse("stall.test/a/b:1"), Credential.ANONYMOUS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.TIMEOUT);
            assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.NETWORK_TIMEOUT);
            assertThat(ms).isLessThan(3000);
            for (Socket h : held) {
                h.close();
            }
        }
    }

    @Test
    void theTotalDeadlineBoundsAnOperationOfManyRequests() throws Exception {
        try (StubServer reg = new StubServer(ex -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String q = ex.getRequestURI().getRawQuery();
            int page = q == null ? 0 : Integer.parseInt(q.replaceAll(".*last=(\\d+).*", "$1"));
            StubServer.reply(ex, 200, Map.of("Link", "</v2/o/r/tags/list?last=" + (page + 1) + ">; rel=\"next\""),
                    "{\"tags\":[\"t" + page + "\"]}");
        })) {
            HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1200))
                    .withEndpoints(Map.of("slow.test", URI.create(reg.base()))));
            long t0 = System.nanoTime();
            RegistryResult<TagList> r = c.tags(ImageReference.parse("slow.test/o/r:1"), Credential.ANONYMOUS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(2500);
            // pages read before the deadline are kept and marked incomplete
            assertThat(r.value().truncated()).isTrue();
            assertThat(r.value().tags()).isNotEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RegistryResult<ManifestHead> r = client("gone.test", "http://127.0.0.1:" + port)
                .head(ImageReference.parse("gone.test/a/b:1"), Credential.ANONYMOUS);
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.UNREACHABLE);
        assertThat(r.failure().detail()).contains("connection refused");
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.NETWORK_TIMEOUT);
    }

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() {
        HttpRegistryClient c = new HttpRegistryClient(RegistryClientOptions.defaults().withEnvironment(Map.of())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5)));
        RegistryResult<ManifestHead> r = c.head(ImageReference.parse("registry.pullfix-test.invalid/a/b:1"),
                Credential.ANONYMOUS);
        assertThat(r.failure().kind()).isEqualTo(RegistryFailure.Kind.DNS);
        assertThat(r.failure().detail()).contains("lookup registry.pullfix-test.invalid").contains("no such host");
        assertThat(r.failure().category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.DNS_FAILURE);
    }

    @Test
    void fiveHundredsAndGatewayErrorsMapAsTheClassifierDoes() {
        try (StubServer reg = new StubServer(ex -> StubServer.reply(ex,
                ex.getRequestURI().getPath().contains("/gw/") ? 503 : 500, Map.of(), "oops"))) {
            HttpRegistryClient c = client("err.test", reg.base());
            RegistryFailure f500 = c.head(ImageReference.parse("err.test/a/b:1"), Credential.ANONYMOUS).failure();
            RegistryFailure f503 = c.head(ImageReference.parse("err.test/gw/b:1"), Credential.ANONYMOUS).failure();
            assertThat(f500.kind()).isEqualTo(RegistryFailure.Kind.SERVER_ERROR);
            assertThat(f500.category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.OTHER);
            assertThat(f503.category(RegistryKind.PRIVATE)).isEqualTo(PullFailureCategory.NETWORK_TIMEOUT);
        }
    }
}
