package dev.pullfix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loopback servers and plugins that misbehave: an API server that is not there, one that answers 401 and echoes
 * the token it was sent, one that accepts connections and never answers, an exec plugin that prints secrets on
 * stderr. Each run asserts the exit code, the one-line message, that no secret reaches any output, and the time.
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private Path kubeconfig(String server, String user) throws IOException {
        Path kc = dir.resolve("kubeconfig-" + UUID.randomUUID());
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
                current-context: x
                users:
                - name: u
                  user:
                %s
                """.formatted(server, user.indent(4).stripTrailing()), StandardCharsets.UTF_8);
        return kc;
    }

    @Test
    void anApiServerThatIsNotThereIsExit1WithTheReasonAndNoDiagnosis() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path kc = kubeconfig("http://127.0.0.1:" + port, "token: t0k3n-" + UUID.randomUUID());

        CliRun r = CliRun.main("diagnose", "--kubeconfig", kc.toString(), "-n", "default", "web-1", "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Cannot reach the API server http://127.0.0.1:" + port)
                .doesNotContain("Exception").doesNotContain("expired");
    }

    @Test
    void aServerThatAnswers401EchoingTheTokenLeaksItNowhere() throws Exception {
        String token = "sha256~" + UUID.randomUUID().toString().replace("-", "");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String seen = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                    + "\"message\":\"Unauthorized: " + seen + " is not a valid token\",\"reason\":\"Unauthorized\","
                    + "\"code\":401}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(401, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            Path kc = kubeconfig("http://127.0.0.1:" + server.getAddress().getPort(), "token: " + token);
            Path report = dir.resolve("out.md");
            List<CliRun> runs = List.of(
                    CliRun.main("diagnose", "--kubeconfig", kc.toString(), "-n", "default", "web-1", "--json",
                            "--report", report.toString()),
                    CliRun.main("diagnose", "--kubeconfig", kc.toString(), "-n", "default", "web-1", "--debug"),
                    CliRun.main("pods", "--kubeconfig", kc.toString(), "--json"),
                    CliRun.main("events", "--kubeconfig", kc.toString(), "web-1", "--json"));
            for (CliRun r : runs) {
                assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
                assertThat(r.out() + r.err()).doesNotContain(token).doesNotContain(token.substring(7));
                assertThat(r.err()).contains("401");
            }
            assertThat(runs.get(0).errLines()).hasSize(1);
            assertThat(runs.get(1).err()).contains("UNAUTHORIZED").contains("\tat ");
            assertThat(report).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                    p -> assertThat(Files.readString(p)).doesNotContain(token));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatNeverAnswersCostsTheStatedTimeoutAndExits1() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(s.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path kc = kubeconfig("http://127.0.0.1:" + s.getLocalPort(), "token: blackhole-" + UUID.randomUUID());

            long t0 = System.nanoTime();
            CliRun r = CliRun.main("diagnose", "--kubeconfig", kc.toString(), "-n", "default", "web-1", "--timeout", "2");
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
            assertThat(seconds).isLessThan(8.0);
        } finally {
            for (Socket k : held) {
                k.close();
            }
        }
    }

    @Test
    void anExecPluginPrintingSecretsOnStderrIsMaskedInEveryForm() throws Exception {
        String[] secrets = {"FwoGZXIvYXdzE" + UUID.randomUUID().toString().replace("-", ""),
                "Xq9" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "/Kz",
                "hunter2-" + UUID.randomUUID().toString().substring(0, 8)};
        Path plugin = dir.resolve("leaky-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho \"error: security token " + secrets[0] + " is expired\" >&2\n"
                + "echo \"SecretAccessKey " + secrets[1] + " rejected\" >&2\n"
                + "echo \"login failed: password " + secrets[2] + "\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kc = kubeconfig("https://127.0.0.1:6443", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: %s
                  interactiveMode: Never""".formatted(plugin));

        CliRun r = CliRun.main("pods", "--kubeconfig", kc.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("leaky-plugin").contains("[REDACTED]");
        for (String s : secrets) {
            assertThat(r.err()).doesNotContain(s);
        }
    }
}
