package dev.pullfix.model.lab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 13, the API server's side, as an attacker on the same machine would try it: the lab API server with
 * its defaults serves HTTPS with its own CA, answers 401 {@code Status} to a request without the token of its
 * kubeconfig (or with another token or scheme), 403 to what a web page could send and 415 to form and text bodies,
 * for reads, writes and watches alike; after each refused write the store is exactly as before. Before: plain HTTP,
 * no token required by default, so any local process or page could write.
 */
class LabApiServerGuardTest {
    @TempDir
    static Path dir;
    static LabApiServer server;
    static HttpClient https;
    static final String SECRET = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"planted\"},"
            + "\"type\":\"Opaque\",\"stringData\":{\"k\":\"v\"}}";

    @BeforeAll
    static void start() {
        server = LabApiServer.start(LabApiServerOptions.defaults());
        https = HttpClient.newBuilder().sslContext(server.clientSslContext()).connectTimeout(Duration.ofSeconds(5)).build();
        server.store().put(Json.parseObject(("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"keep\","
                + "\"namespace\":\"default\"},\"data\":{\"a\":\"1\"}}").getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return https.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path));
    }

    /** Every kind of request a client makes: list, get, watch, create, replace, patch, delete, delete collection. */
    private static List<HttpRequest.Builder> everyVerb() {
        String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"keep\",\"namespace\":\"default\"},"
                + "\"data\":{\"a\":\"changed\"}}";
        return List.of(
                at("/api/v1/namespaces/default/configmaps"),
                at("/api/v1/namespaces/default/configmaps/keep"),
                at("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1"),
                at("/api/v1/namespaces/default/secrets").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(SECRET)),
                at("/api/v1/namespaces/default/configmaps/keep").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(cm)),
                at("/api/v1/namespaces/default/configmaps/keep").header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"a\":\"patched\"}}")),
                at("/api/v1/namespaces/default/configmaps/keep").DELETE(),
                at("/api/v1/namespaces/default/configmaps").DELETE());
    }

    private static String keepData() {
        return server.store().get(ResourceTypes.CONFIGMAPS, "default", "keep").orElseThrow().toJson().path("data").toString();
    }

    private static void assertNothingWritten(long rvBefore) {
        assertThat(server.store().resourceVersion()).as("no change committed").isEqualTo(rvBefore);
        assertThat(keepData()).isEqualTo("{\"a\":\"1\"}");
        assertThat(server.store().get(ResourceTypes.SECRETS, "default", "planted")).isEmpty();
    }

    @Test
    void servesHttpsWithACertificateFromItsOwnCaNamedInTheKubeconfig() throws Exception {
        assertThat(server.url()).startsWith("https://127.0.0.1:");
        String kubeconfig = server.kubeconfig();
        assertThat(kubeconfig).contains("server: " + server.url() + "\n",
                "certificate-authority-data: " + server.certificateAuthorityData() + "\n", "token: " + server.token() + "\n");
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(server.certificateAuthorityData())));
        assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        assertThat(ca.getSubjectX500Principal()).isEqualTo(ca.getIssuerX500Principal());

        X509Certificate leaf;
        try (SSLSocket s = (SSLSocket) server.clientSslContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            s.startHandshake();
            leaf = (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        List<String> sans = new ArrayList<>();
        leaf.getSubjectAlternativeNames().forEach(n -> sans.add(n.get(0) + "=" + n.get(1)));
        assertThat(sans).containsExactlyInAnyOrder("7=127.0.0.1", "2=localhost");
        leaf.checkValidity();

        // a client that does not trust the lab's CA does not get through; nor does plain HTTP
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/version"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url().replace("https:", "http:") + "/api/v1/namespaces/default/secrets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SECRET))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(server.store().get(ResourceTypes.SECRETS, "default", "planted")).isEmpty();
    }

    @Test
    void everyServerStartsWithItsOwnCaAndTokenAndARestartKeepsThem() {
        LabApiServer other = LabApiServer.start(LabApiServerOptions.defaults());
        other.close();
        assertThat(other.certificateAuthorityData()).isNotEqualTo(server.certificateAuthorityData());
        assertThat(other.token()).isNotEqualTo(server.token()).startsWith("pullfix-lab.").hasSizeGreaterThan(40);
        try (LabApiServer again = LabApiServer.restart(other, LabApiServerOptions.defaults())) {
            assertThat(again.kubeconfig()).isEqualTo(other.kubeconfig());
        }
    }

    @Test
    void noTokenAnotherTokenOrAnotherSchemeIs401StatusForEveryVerbAndWritesNothing() throws Exception {
        long rv = server.store().resourceVersion();
        String[] auths = {null, "Bearer wrong-token", "Bearer " + server.token() + "x", "Bearer ",
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)),
                server.token()};
        for (String auth : auths) {
            for (HttpRequest.Builder b : everyVerb()) {
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                HttpRequest req = b.build();
                HttpResponse<String> r = send(b);
                String what = req.method() + " " + req.uri().getPath() + " with " + (auth == null ? "no Authorization"
                        : auth.startsWith("Basic") ? "Basic" : "a wrong bearer token");
                assertThat(r.statusCode()).as(what).isEqualTo(401);
                JsonNode status = Json.MAPPER.readTree(r.body());
                assertThat(status.path("kind").asText()).as(what).isEqualTo("Status");
                assertThat(status.path("status").asText()).isEqualTo("Failure");
                assertThat(status.path("reason").asText()).isEqualTo("Unauthorized");
                assertThat(status.path("code").asInt()).isEqualTo(401);
                assertThat(r.body()).as("the 401 never echoes the real token").doesNotContain(server.token());
            }
        }
        assertNothingWritten(rv);
        // with the kubeconfig's token the same read answers; version and health answer anyone, as on a real cluster
        assertThat(send(at("/api/v1/namespaces/default/configmaps").header("Authorization", "Bearer " + server.token()))
                .statusCode()).isEqualTo(200);
        assertThat(send(at("/version")).statusCode()).isEqualTo(200);
        assertThat(send(at("/healthz")).statusCode()).isEqualTo(200);
        assertThat(send(at("/readyz")).statusCode()).isEqualTo(200);
        assertThat(send(at("/api")).statusCode()).as("discovery needs the token").isEqualTo(401);
    }

    @Test
    void aWebSocketWatchWithoutTheTokenIsRefusedBeforeItOpens() {
        assertThatThrownBy(() -> https.newWebSocketBuilder().buildAsync(URI.create(server.url().replace("https:", "wss:")
                + "/api/v1/namespaces/default/secrets?watch=true"), new java.net.http.WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @Test
    void whatAWebPageCouldSendIsRefusedEvenWithTheTokenAndWritesNothing() throws Exception {
        long rv = server.store().resourceVersion();
        String bearer = "Bearer " + server.token();
        String[][] pageHeaders = {{"Origin", "https://evil.example"}, {"Origin", "null"},
                {"Origin", "https://127.0.0.1:" + (server.port() == 1 ? 2 : server.port() - 1)},
                {"Origin", "http://127.0.0.1:" + server.port()}, {"Referer", "https://evil.example/page"},
                {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Mode", "no-cors"}};
        for (String[] h : pageHeaders) {
            for (HttpRequest.Builder b : everyVerb()) {
                HttpRequest req = b.header("Authorization", bearer).header(h[0], h[1]).build();
                HttpResponse<String> r = send(b);
                assertThat(r.statusCode()).as(req.method() + " " + req.uri().getPath() + " with " + h[0] + ": " + h[1])
                        .isEqualTo(403);
                assertThat(Json.MAPPER.readTree(r.body()).path("reason").asText()).isEqualTo("Forbidden");
            }
        }
        // the bodies an HTML form or a no-cors fetch can send, with and without the token
        String[] formTypes = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
                "text/plain;charset=UTF-8"};
        for (String type : formTypes) {
            for (String auth : new String[] {bearer, null}) {
                HttpRequest.Builder b = at("/api/v1/namespaces/default/secrets").header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(SECRET));
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                HttpResponse<String> r = send(b);
                assertThat(r.statusCode()).as("form POST as " + type).isEqualTo(415);
                assertThat(Json.MAPPER.readTree(r.body()).path("reason").asText()).isEqualTo("UnsupportedMediaType");
            }
            HttpResponse<String> patch = send(at("/api/v1/namespaces/default/configmaps/keep").header("Authorization", bearer)
                    .header("Content-Type", type).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"a\":\"x\"}}")));
            assertThat(patch.statusCode()).as("PATCH as " + type).isEqualTo(415);
        }
        assertNothingWritten(rv);
        // the server's own origin is what fabric8 sends on its watches: accepted
        assertThat(send(at("/api/v1/namespaces/default/configmaps").header("Authorization", bearer)
                .header("Origin", server.url())).statusCode()).isEqualTo(200);
    }

    @Test
    void fabric8WithTheKubeconfigWorksAndWithoutItsTokenGets401AndWritesNothing() {
        long rv;
        Config good = Config.fromKubeconfig(server.kubeconfig());
        good.setRequestRetryBackoffLimit(0);
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(good).build()) {
            assertThat(c.configMaps().inNamespace("default").withName("keep").get().getData()).containsEntry("a", "1");
            rv = server.store().resourceVersion();
        }
        Config noToken = Config.fromKubeconfig(server.kubeconfig().replace("token: " + server.token(), "token: \"\""));
        noToken.setRequestRetryBackoffLimit(0);
        try (KubernetesClient c = new KubernetesClientBuilder().withConfig(noToken).build()) {
            assertThatThrownBy(() -> c.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("planted").endMetadata().addToData("k", "v").build()).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
        }
        // another server's CA: the TLS handshake fails before any request is sent
        try (LabApiServer other = LabApiServer.start(LabApiServerOptions.defaults())) {
            Config wrongCa = Config.fromKubeconfig(server.kubeconfig().replace(server.certificateAuthorityData(),
                    other.certificateAuthorityData()));
            wrongCa.setRequestRetryBackoffLimit(0);
            try (KubernetesClient c = new KubernetesClientBuilder().withConfig(wrongCa).build()) {
                assertThatThrownBy(() -> c.configMaps().inNamespace("default").withName("keep").patch(
                        "{\"data\":{\"a\":\"patched\"}}"))
                        .isInstanceOf(KubernetesClientException.class)
                        .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(javax.net.ssl.SSLException.class));
            }
        }
        assertNothingWritten(rv);
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void kubectlWithTheKubeconfigWorksWithoutTheTokenIsUnauthorizedAndWithAnotherCaFailsVerification() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(KubectlConformanceTest.onPath("kubectl"), "kubectl is not on PATH");
        long rv = server.store().resourceVersion();
        Path good = server.writeKubeconfig(dir.resolve("good"));
        String[] get = {"get", "configmap", "keep", "-n", "default", "-o", "jsonpath={.data.a}"};
        Kubectl ok = kubectl(good, null, get);
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).isEqualTo("1");

        String planted = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: planted\n  namespace: default\ndata:\n  k: v\n";
        Path noToken = Files.writeString(dir.resolve("no-token"), server.kubeconfig()
                .replace("token: " + server.token(), "token: \"\""));
        // with no credentials at all kubectl asks for a user name (stdin is closed here): it cannot write either
        Kubectl refused = kubectl(noToken, null, "create", "configmap", "planted", "-n", "default", "--from-literal=k=v");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).containsAnyOf("You must be logged in to the server", "Please enter Username");
        Kubectl refusedGet = kubectl(noToken, null, get);
        assertThat(refusedGet.exit()).isNotZero();
        assertThat(refusedGet.out()).doesNotContain("1");

        Path wrongToken = Files.writeString(dir.resolve("wrong-token"), server.kubeconfig()
                .replace(server.token(), "pullfix-lab.not-the-token"));
        Kubectl wrong = kubectl(wrongToken, null, "delete", "configmap", "keep", "-n", "default");
        assertThat(wrong.exit()).isNotZero();
        // client-go's words for a 401 Status
        assertThat(wrong.out()).contains("You must be logged in to the server");
        Kubectl wrongApply = kubectl(wrongToken, planted, "apply", "-f", "-");
        assertThat(wrongApply.exit()).isNotZero();
        assertThat(wrongApply.out()).contains("the server has asked for the client to provide credentials");

        try (LabApiServer other = LabApiServer.start(LabApiServerOptions.defaults())) {
            Path wrongCa = Files.writeString(dir.resolve("wrong-ca"), server.kubeconfig()
                    .replace(server.certificateAuthorityData(), other.certificateAuthorityData()));
            Kubectl untrusted = kubectl(wrongCa, planted, "apply", "-f", "-");
            assertThat(untrusted.exit()).isNotZero();
            assertThat(untrusted.out()).contains("x509");
        }
        assertNothingWritten(rv);
    }

    private record Kubectl(int exit, String out) {
    }

    private static Kubectl kubectl(Path kubeconfig, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                dir.resolve("cache-" + kubeconfig.getFileName()).toString(), "--request-timeout", "20s"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Kubectl(p.exitValue(), out);
    }
}
