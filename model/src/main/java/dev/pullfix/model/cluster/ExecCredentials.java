package dev.pullfix.model.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.secret.Redactor;
import dev.pullfix.model.secret.Secrets;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a kubeconfig {@code exec} credential plugin as kubectl does (client.authentication.k8s.io ExecCredential
 * on stdout, {@code KUBERNETES_EXEC_INFO} in the env, stderr kept for the error message), caches the token
 * until shortly before its {@code expirationTimestamp}, and serves it to fabric8 as an {@link OAuthTokenProvider}.
 * When the command cannot be found anywhere and the context is an EKS one, mints the token natively
 * ({@link EksTokenMinter}). Exec configs without {@code apiVersion} are accepted as v1beta1.
 */
public final class ExecCredentials implements OAuthTokenProvider {

    public static final String DEFAULT_API_VERSION = "client.authentication.k8s.io/v1beta1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final int STDERR_LIMIT = 4000;

    /** What the plugin (or the native minter) returned. Its toString hides the secrets. */
    public record Credential(String token, String clientCertificateData, String clientKeyData, Instant expiresAt,
                             boolean minted) {
        /** Every credential a plugin or the minter hands out is registered, so no output path shows it. */
        public Credential {
            Secrets.register(token);
            Secrets.register(clientKeyData);
        }

        @Override
        public String toString() {
            return "Credential[" + (token != null ? "token" : "client-certificate") + ", expiresAt=" + expiresAt
                    + ", minted=" + minted + "]";
        }
    }

    /** The native fallback; tests replace it. */
    public interface NativeMinter {
        EksTokenMinter.EksToken mint(EksContextMapping mapping);
    }

    private final ExecConfig exec;
    private final Path kubeconfigDir;
    private final ClusterEnvironment env;
    private final ExecCommandResolver resolver;
    private final EksContextMapping eks;
    private final NativeMinter nativeMinter;
    private final Clock clock;
    private final Duration timeout;
    private final String server;
    private Credential cached;

    public ExecCredentials(ExecConfig exec, Path kubeconfigDir, ClusterEnvironment env, ExecCommandResolver resolver,
                           EksContextMapping eks, NativeMinter nativeMinter, Clock clock, Duration timeout,
                           String server) {
        this.exec = exec;
        this.kubeconfigDir = kubeconfigDir;
        this.env = env;
        this.resolver = resolver;
        this.eks = eks;
        this.nativeMinter = nativeMinter;
        this.clock = clock;
        this.timeout = timeout;
        this.server = server;
    }

    /** The native minter backed by the AWS SDK default chain. */
    public static NativeMinter sdkMinter() {
        return m -> new EksTokenMinter().mint(m.clusterName(), m.region(), m.profile(), m.roleArn());
    }

    @Override
    public synchronized String getToken() {
        Credential c = credential();
        return c.token();
    }

    /** The current credential, running the plugin when there is none or it is about to expire. */
    public synchronized Credential credential() {
        if (cached == null || (cached.expiresAt() != null
                && !clock.instant().isBefore(cached.expiresAt().minus(REFRESH_MARGIN)))) {
            cached = fetch();
        }
        return cached;
    }

    /** Forgets the cached credential (after a 401). */
    public synchronized void invalidate() {
        cached = null;
    }

    private Credential fetch() {
        String command = exec.getCommand();
        ExecCommandResolver.Resolution r = resolver.resolve(command, kubeconfigDir);
        if (r.executable().isEmpty()) {
            if (eks != null && eks.clusterName() != null && nativeMinter != null) {
                try {
                    EksTokenMinter.EksToken t = nativeMinter.mint(eks);
                    return new Credential(t.token(), null, null, t.expiresAt(), true);
                } catch (ClusterError e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw ClusterError.of(ClusterError.Code.EKS_TOKEN_FAILED, eks.clusterName(),
                            eks.profile() == null ? "default" : eks.profile(),
                            Redactor.redact(shorten(String.valueOf(e.getMessage()))));
                }
            }
            throw ClusterError.of(ClusterError.Code.EXEC_NOT_FOUND, String.valueOf(command),
                    String.join(File.pathSeparator, r.searched()),
                    exec.getInstallHint() == null ? "" : exec.getInstallHint().trim());
        }
        return run(r);
    }

    /** The SDK's credential-chain messages run to kilobytes; keep the first clause. */
    static String shorten(String m) {
        int cut = m.indexOf(" AwsCredentialsProviderChain(");
        if (cut < 0) {
            cut = m.indexOf(" : [");
        }
        String s = cut > 0 ? m.substring(0, cut) : m;
        int nl = s.indexOf('\n');
        s = nl > 0 ? s.substring(0, nl) : s;
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private Credential run(ExecCommandResolver.Resolution r) {
        String command = exec.getCommand();
        List<String> cmd = new ArrayList<>();
        cmd.add(r.executable().get().toString());
        if (exec.getArgs() != null) {
            cmd.addAll(exec.getArgs());
        }
        String apiVersion = exec.getApiVersion() == null || exec.getApiVersion().isBlank()
                ? DEFAULT_API_VERSION : exec.getApiVersion();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> penv = pb.environment();
        penv.clear();
        penv.putAll(env.env());
        penv.put("PATH", r.pluginPath());
        penv.putIfAbsent("HOME", env.home().toString());
        if (exec.getEnv() != null) {
            for (ExecEnvVar v : exec.getEnv()) {
                if (v.getName() != null) {
                    penv.put(v.getName(), v.getValue() == null ? "" : v.getValue());
                }
            }
        }
        penv.put("KUBERNETES_EXEC_INFO", execInfo(apiVersion));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (kubeconfigDir != null) {
            pb.directory(kubeconfigDir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw ClusterError.of(ClusterError.Code.EXEC_FAILED, command, "-", Redactor.redact(e.getMessage()));
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw ClusterError.of(ClusterError.Code.EXEC_TIMEOUT, command, Long.toString(timeout.toSeconds()));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw ClusterError.of(ClusterError.Code.EXEC_TIMEOUT, command, Long.toString(timeout.toSeconds()));
        }
        String stdout = new String(get(out), StandardCharsets.UTF_8);
        String stderr = new String(get(err), StandardCharsets.UTF_8).strip();
        if (stderr.length() > STDERR_LIMIT) {
            stderr = "…" + stderr.substring(stderr.length() - STDERR_LIMIT);
        }
        if (p.exitValue() != 0) {
            throw ClusterError.of(ClusterError.Code.EXEC_FAILED, command, Integer.toString(p.exitValue()),
                    Redactor.redact(stderr));
        }
        return parse(command, stdout);
    }

    private String execInfo(String apiVersion) {
        var node = JSON.createObjectNode();
        node.put("apiVersion", apiVersion);
        node.put("kind", "ExecCredential");
        var spec = node.putObject("spec");
        spec.put("interactive", false);
        if (Boolean.TRUE.equals(exec.getProvideClusterInfo()) && server != null) {
            spec.putObject("cluster").put("server", server);
        }
        return node.toString();
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync((Supplier<byte[]>) () -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
            } catch (IOException ignored) {
                // the process died; keep what we have
            }
            return buf.toByteArray();
        }, r -> {
            Thread t = new Thread(r, "pullfix-exec-drain");
            t.setDaemon(true);
            t.start();
        });
    }

    private static byte[] get(CompletableFuture<byte[]> f) {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new byte[0];
        }
    }

    private static Credential parse(String command, String stdout) {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            throw ClusterError.of(ClusterError.Code.EXEC_BAD_OUTPUT, command, "not JSON");
        }
        if (root == null || !root.isObject() || !"ExecCredential".equals(root.path("kind").asText())) {
            throw ClusterError.of(ClusterError.Code.EXEC_BAD_OUTPUT, command, "not an ExecCredential");
        }
        JsonNode status = root.path("status");
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw ClusterError.of(ClusterError.Code.EXEC_BAD_OUTPUT, command, "no token and no client certificate");
        }
        Instant expires = null;
        String exp = text(status, "expirationTimestamp");
        if (exp != null) {
            try {
                expires = OffsetDateTime.parse(exp).toInstant();
            } catch (RuntimeException e) {
                throw ClusterError.of(ClusterError.Code.EXEC_BAD_OUTPUT, command, "bad expirationTimestamp " + exp);
            }
        }
        return new Credential(token, cert, key, expires, false);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
