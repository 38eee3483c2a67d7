package dev.pullfix.model.cluster;

import dev.pullfix.model.ExampleKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {

    @TempDir
    Path dir;
    MockApiServer api;
    Path bin;

    @BeforeEach
    void setUp() throws Exception {
        api = new MockApiServer(false);
        api.client.pods().inNamespace("shop").resource(Fixtures.imagePullBackOff()).create();
        bin = Files.createDirectories(dir.resolve("plugins"));
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private Path script(String name, String body) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static final String EXEC_USER = """
                exec:
                  command: kube-login
                  args: [get-token, --cluster-name, retail]
                  env:
                  - {name: LOGIN_MODE, value: test}
                  installHint: "Install kube-login from https://example.com/kube-login"
            """;

    private static final String CREDENTIAL = "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
            + "\"kind\":\"ExecCredential\",\"status\":{\"expirationTimestamp\":\"2099-01-01T00:00:00Z\","
            + "\"token\":\"exec-token-123\"}}";

    private ClusterConnection connect(Path kubeconfig, ClusterEnvironment env, ExecCredentials.NativeMinter minter,
                                      Duration execTimeout) {
        Kubeconfig kc = Kubeconfig.load(env, kubeconfig);
        var options = new ClusterConnector.Options(Duration.ofSeconds(5), Duration.ofSeconds(10), 0, execTimeout,
                minter);
        return new ClusterConnector(env, options).connect(kc, null);
    }

    private String lastAuthorization() throws InterruptedException {
        return api.server.getLastRequest().getHeader("Authorization");
    }

    @Test
    void runsTheExecPluginWithoutApiVersionAsV1beta1AndSendsItsToken() throws Exception {
        Path info = dir.resolve("exec-info.json");
        script("kube-login", "printf '%s' \"$KUBERNETES_EXEC_INFO\" > " + info + "\n"
                + "[ \"$LOGIN_MODE\" = test ] || exit 3\nprintf '%s' '" + CREDENTIAL + "'\n");
        Path kc = api.kubeconfig(dir, EXEC_USER);
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin + ":/usr/bin:/bin"), dir);
        try (ClusterConnection c = connect(kc, env, null, Duration.ofSeconds(20))) {
            new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop"));
            assertThat(lastAuthorization()).isEqualTo("Bearer exec-token-123");
        }
        var node = new ObjectMapper().readTree(Files.readString(info));
        assertThat(node.get("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(node.get("kind").asText()).isEqualTo("ExecCredential");
        assertThat(node.at("/spec/interactive").asBoolean(true)).isFalse();
    }

    @Test
    void findsThePluginInACommonInstallDirWhenItIsNotOnThePath() throws Exception {
        script("kube-login", "printf '%s' '" + CREDENTIAL + "'\n");
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", "/usr/bin:/bin"), dir, dir.resolve("nowhere"), bin);
        try (ClusterConnection c = connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofSeconds(20))) {
            new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop"));
            assertThat(lastAuthorization()).isEqualTo("Bearer exec-token-123");
        }
    }

    @Test
    void findsThePluginOnTheLoginShellsPath() throws Exception {
        script("kube-login", "printf '%s' '" + CREDENTIAL + "'\n");
        Path shellDir = Files.createDirectories(dir.resolve("shell"));
        Path shell = shellDir.resolve("fake-login-shell");
        Files.writeString(shell, "#!/bin/sh\n# answers like `zsh -lc 'printf %s \"$PATH\"'` in a configured shell\n"
                + "echo 'welcome banner from .profile'\nprintf '%s' '/opt/nothing:" + bin + "'\n");
        Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterEnvironment env = new ClusterEnvironment(Map.of("PATH", "/usr/bin:/bin", "SHELL", shell.toString()),
                dir, List.of(), true, Duration.ofSeconds(5));
        try (ClusterConnection c = connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofSeconds(20))) {
            new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop"));
            assertThat(lastAuthorization()).isEqualTo("Bearer exec-token-123");
        }
    }

    @Test
    void mintsTheEksTokenNativelyWhenTheAwsCliIsMissing() throws Exception {
        String eksUser = """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: aws
                      args: [--region, us-west-2, eks, get-token, --cluster-name, retail]
                      env:
                      - {name: AWS_PROFILE, value: shop-admin}
                """;
        AtomicReference<EksContextMapping> asked = new AtomicReference<>();
        ExecCredentials.NativeMinter minter = m -> {
            asked.set(m);
            return new EksTokenMinter.EksToken("k8s-aws-v1.bmF0aXZl", Instant.now().plusSeconds(840));
        };
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin.toString()), dir);
        try (ClusterConnection c = connect(api.kubeconfig(dir, eksUser), env, minter, Duration.ofSeconds(20))) {
            new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop"));
            assertThat(lastAuthorization()).isEqualTo("Bearer k8s-aws-v1.bmF0aXZl");
        }
        assertThat(asked.get()).isEqualTo(new EksContextMapping("retail", "us-west-2", "shop-admin", null, null,
                EksContextMapping.Source.EXEC_ARGS));
    }

    @Test
    void saysWhereItLookedAndHowToInstallWhenThePluginIsMissing() throws Exception {
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin.toString()), dir);
        assertThatThrownBy(() -> connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ClusterError.class, e -> {
                    assertThat(e.code()).isEqualTo(ClusterError.Code.EXEC_NOT_FOUND);
                    assertThat(e.args().get(0)).isEqualTo("kube-login");
                    assertThat(e.args().get(1)).contains(bin.toString());
                    assertThat(e.args().get(2)).contains("https://example.com/kube-login");
                });
    }

    @Test
    void showsThePluginsStderrWithSecretsRedactedWhenItFails() throws Exception {
        script("kube-login", "echo 'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: "
                + "The security token included in the request is expired' >&2\n"
                + "echo 'debug: aws_session_token=FQoGZXIvYXdzEXAMPLESESSION key " + ExampleKeys.ACCESS_KEY_ID + "' >&2\nexit 255\n");
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin.toString()), dir);
        assertThatThrownBy(() -> connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(ClusterError.class, e -> {
                    assertThat(e.code()).isEqualTo(ClusterError.Code.EXEC_FAILED);
                    assertThat(e.args().get(1)).isEqualTo("255");
                    assertThat(e.args().get(2)).contains("ExpiredToken").contains("security token included")
                            .doesNotContain("FQoGZXIvYXdzEXAMPLESESSION").doesNotContain(ExampleKeys.ACCESS_KEY_ID);
                });
    }

    @Test
    void rejectsPluginOutputThatIsNotAnExecCredential() throws Exception {
        script("kube-login", "echo '{\"token\":\"x\"}'\n");
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin.toString()), dir);
        assertThatThrownBy(() -> connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofSeconds(20)))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.EXEC_BAD_OUTPUT));
    }

    @Test
    void stopsAPluginThatHangs() throws Exception {
        script("kube-login", "sleep 30\n");
        ClusterEnvironment env = ClusterEnvironment.of(Map.of("PATH", bin + ":/usr/bin:/bin"), dir);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connect(api.kubeconfig(dir, EXEC_USER), env, null, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(ClusterError.class,
                        e -> assertThat(e.code()).isEqualTo(ClusterError.Code.EXEC_TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void mapsA401ToUnauthorized() throws Exception {
        api.server.expect().get().withPath("/api/v1/namespaces/shop/pods?limit=1000").andReturn(401,
                new StatusBuilder().withCode(401).withReason("Unauthorized").withMessage("Unauthorized").build())
                .always();
        try (ClusterConnection c = api.connect(api.kubeconfig(dir, null))) {
            assertThatThrownBy(() -> new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")))
                    .isInstanceOfSatisfying(ClusterError.class, e -> {
                        assertThat(e.code()).isEqualTo(ClusterError.Code.UNAUTHORIZED);
                        assertThat(e.args()).containsExactly("lab", "lab-user");
                    });
        }
    }

    @Test
    void saysTheServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path kc = dir.resolve("down.yaml");
        Files.writeString(kc, Files.readString(api.kubeconfig(dir, null)).replace(api.url(),
                "https://127.0.0.1:" + port));
        try (ClusterConnection c = api.connect(kc)) {
            assertThatThrownBy(() -> new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")))
                    .isInstanceOfSatisfying(ClusterError.class, e -> {
                        assertThat(e.code()).isEqualTo(ClusterError.Code.UNREACHABLE);
                        assertThat(e.args().get(0)).isEqualTo("https://127.0.0.1:" + port);
                    });
        }
    }

    @Test
    void saysTheCertificateIsNotTrusted() throws Exception {
        try (MockApiServer tls = new MockApiServer(true)) {
            Path kc = dir.resolve("tls.yaml");
            Files.writeString(kc, Files.readString(tls.kubeconfig(dir, null))
                    .replace("    insecure-skip-tls-verify: true\n", ""));
            try (ClusterConnection c = tls.connect(kc)) {
                assertThatThrownBy(() -> new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")))
                        .isInstanceOfSatisfying(ClusterError.class,
                                e -> assertThat(e.code()).isEqualTo(ClusterError.Code.TLS_FAILURE));
            }
        }
    }

    @Test
    void usesTheHttpsProxyFromTheEnvironmentButNeverForLoopback() throws Exception {
        Path kc = api.kubeconfig(dir, null);
        Map<String, String> vars = new HashMap<>(Map.of("HTTPS_PROXY", "proxy.corp.example:3128",
                "NO_PROXY", ".internal", "PATH", "/usr/bin"));
        ClusterEnvironment env = ClusterEnvironment.of(vars, dir);
        try (ClusterConnection c = new ClusterConnector(env, ClusterConnector.Options.defaults()
                .withRetryBackoffLimit(0)).connect(Kubeconfig.load(env, kc), null)) {
            var cfg = c.kubernetesClient().getConfiguration();
            assertThat(cfg.getHttpsProxy()).isEqualTo("http://proxy.corp.example:3128");
            assertThat(cfg.getNoProxy()).contains(".internal", "localhost", "127.0.0.1");
            assertThat(new PodTreeLoader().load(c, PodTreeLoader.Scope.namespace("shop")).podCount()).isEqualTo(1);
        }
    }
}
