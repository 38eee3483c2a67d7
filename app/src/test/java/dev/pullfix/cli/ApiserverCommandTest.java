package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApiserverCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesKubeconfigAndEnvOnceServingGeneratedPodsAndStopsCleanly() throws Exception {
        ApiserverCommand cmd = new ApiserverCommand();
        CommandLine cli = new CommandLine(cmd);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--dir", dir.toString(), "--pods", "30"));
        Path env = dir.resolve("env.sh");
        for (int i = 0; i < 300 && !Files.exists(env); i++) {
            Thread.sleep(50);
        }
        try {
            servesTheKubeconfigsPodsOnlyWithItsToken(env);
        } finally {
            cmd.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private void servesTheKubeconfigsPodsOnlyWithItsToken(Path env) throws Exception {
        String kubeconfig = Files.readString(dir.resolve("kubeconfig"));
        assertThat(Files.readString(env)).isEqualTo("export KUBECONFIG='" + dir.resolve("kubeconfig").toAbsolutePath() + "'\n");
        String url = kubeconfig.lines().filter(l -> l.contains("server: ")).findFirst().orElseThrow().trim().substring("server: ".length());
        assertThat(url).startsWith("https://127.0.0.1:");
        String token = value(kubeconfig, "token: ");
        // a client that trusts the kubeconfig's CA and sends its token gets the pods; without the token, 401
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(value(kubeconfig, "certificate-authority-data: ")))
                .build();
        HttpResponse<String> pods = https.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/pods"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pods.body().split("\"kind\":\"Pod\"", -1)).hasSize(31);
        assertThat(https.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/pods")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private static String value(String kubeconfig, String key) {
        return kubeconfig.lines().filter(l -> l.contains(key)).findFirst().orElseThrow().trim().substring(key.length());
    }

    /** A TLS context trusting only the CA of a kubeconfig's certificate-authority-data. */
    static javax.net.ssl.SSLContext trusting(String caData) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(caData))));
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(new CommandLine(new ApiserverCommand()).execute("--dir", dir.toString(), "--pods", "-1")).isEqualTo(2);
        assertThat(new CommandLine(new ApiserverCommand()).execute("--pods", "3")).isEqualTo(2);
        assertThat(new CommandLine(new ApiserverCommand()).execute("--dir", dir.toString(), "--port", "70000")).isEqualTo(2);
        assertThat(new CommandLine(new ApiserverCommand()).execute("--dir", dir.toString(), "--changes-per-second", "-5"))
                .isEqualTo(2);
    }

    @Test
    void changesPodsAtTheAskedRateUntilStopped() throws Exception {
        ApiserverCommand cmd = new ApiserverCommand();
        CommandLine cli = new CommandLine(cmd);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--dir", dir.toString(),
                "--pods", "50", "--changes-per-second", "100"));
        Path env = dir.resolve("env.sh");
        for (int i = 0; i < 300 && !Files.exists(env); i++) {
            Thread.sleep(50);
        }
        try {
            String kubeconfig = Files.readString(dir.resolve("kubeconfig"));
            String url = value(kubeconfig, "server: ");
            String token = value(kubeconfig, "token: ");
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(value(kubeconfig, "certificate-authority-data: ")))
                    .build();
            long first = listResourceVersion(https, url, token);
            Thread.sleep(1000);
            long second = listResourceVersion(https, url, token);
            // 100 a second: about 100 commits in that second (at least a few, even on a loaded machine)
            assertThat(second - first).isGreaterThanOrEqualTo(10);
        } finally {
            cmd.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static long listResourceVersion(HttpClient https, String url, String token) throws Exception {
        String body = https.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/pods?limit=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("\"resourceVersion\":\"(\\d+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }
}
