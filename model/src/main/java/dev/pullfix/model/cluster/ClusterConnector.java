package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a fabric8 client for a kubeconfig context with kubectl's semantics: certificates, tokens, token files,
 * proxies (the cluster's {@code proxy-url}, else {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}), and
 * exec plugins run by {@link ExecCredentials} (accepting a missing apiVersion, finding the command outside
 * the process PATH, minting EKS tokens natively when the command is missing).
 */
public final class ClusterConnector {

    /** The stated time one call may take, retries included, unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param connectTimeout    TCP/TLS connect timeout
     * @param requestTimeout    the total for one call, retries included (headers and body); a watch is exempt
     * @param retryBackoffLimit above 0: an answer of 429 or 5xx is retried once, within requestTimeout (0 in
     *                          tests); a refused or timed-out connection is never retried
     * @param execTimeout       how long an exec plugin may run
     * @param nativeMinter      the EKS token minter used when the plugin command is missing (null: none)
     * @param idleTimeout       how long a response body may bring no byte before the call ends as stalled
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, int retryBackoffLimit,
                          Duration execTimeout, ExecCredentials.NativeMinter nativeMinter, Duration idleTimeout) {

        public Options(Duration connectTimeout, Duration requestTimeout, int retryBackoffLimit, Duration execTimeout,
                       ExecCredentials.NativeMinter nativeMinter) {
            this(connectTimeout, requestTimeout, retryBackoffLimit, execTimeout, nativeMinter, requestTimeout);
        }

        /** Connect 10 s; each call 15 s in total and 15 s without a byte; one retry of a 429/5xx within the 15 s. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), DEFAULT_TIMEOUT, 1, Duration.ofSeconds(60),
                    ExecCredentials.sdkMinter(), DEFAULT_TIMEOUT);
        }

        public Options withRetryBackoffLimit(int limit) {
            return new Options(connectTimeout, requestTimeout, limit, execTimeout, nativeMinter, idleTimeout);
        }

        public Options withNativeMinter(ExecCredentials.NativeMinter minter) {
            return new Options(connectTimeout, requestTimeout, retryBackoffLimit, execTimeout, minter, idleTimeout);
        }

        /** Connect and per-call total; the idle limit becomes the smaller of the two (never past the total). */
        public Options withTimeouts(Duration connect, Duration request) {
            return new Options(connect, request, retryBackoffLimit, execTimeout, nativeMinter,
                    idleTimeout == null || idleTimeout.compareTo(request) > 0 ? request : idleTimeout);
        }

        public Options withIdleTimeout(Duration idle) {
            return new Options(connectTimeout, requestTimeout, retryBackoffLimit, execTimeout, nativeMinter, idle);
        }

        /** One stated timeout for everything: connect within it, each call within it. */
        public Options withTimeout(Duration timeout) {
            Duration connect = connectTimeout.compareTo(timeout) > 0 ? timeout : connectTimeout;
            return new Options(connect, timeout, retryBackoffLimit, execTimeout, nativeMinter, timeout);
        }
    }

    private final ClusterEnvironment env;
    private final Options options;
    private final ExecCommandResolver resolver;

    public ClusterConnector(ClusterEnvironment env, Options options) {
        this.env = env;
        this.options = options;
        this.resolver = new ExecCommandResolver(env);
    }

    /**
     * Builds the connection; runs the exec plugin once up front so its failure is reported here, not in the
     * middle of a list. Does not contact the API server.
     */
    public ClusterConnection connect(Kubeconfig kubeconfig, String contextName) {
        ContextInfo info = kubeconfig.context(contextName);
        if (kubeconfig.cluster(info.clusterName()) == null) {
            throw ClusterError.of(ClusterError.Code.CONTEXT_INCOMPLETE, info.name(), "cluster " + info.clusterName());
        }
        AuthInfo user = kubeconfig.user(info.userName());
        if (info.userName() != null && !info.userName().isBlank() && user == null) {
            throw ClusterError.of(ClusterError.Code.CONTEXT_INCOMPLETE, info.name(), "user " + info.userName());
        }
        if (info.server() == null || info.server().isBlank()) {
            throw ClusterError.of(ClusterError.Code.CONTEXT_INCOMPLETE, info.name(), "server");
        }
        Config cfg = Config.empty();
        ExecCredentials exec = null;
        Path userDir = dirOf(kubeconfig.userFile(info.userName()));
        if (user != null && user.getExec() != null && isBlank(user.getToken())
                && isBlank(user.getClientCertificate()) && isBlank(user.getClientCertificateData())) {
            exec = new ExecCredentials(user.getExec(), userDir, env, resolver,
                    info.eksMapping().orElse(null), options.nativeMinter(), Clock.systemUTC(), options.execTimeout(),
                    info.server());
            // a token provider set before merging keeps fabric8 from running the plugin itself
            cfg.setOauthTokenProvider(exec);
        }
        try {
            KubeConfigUtils.merge(cfg, info.name(),
                    kubeconfig.parsedFiles().toArray(new io.fabric8.kubernetes.api.model.Config[0]));
        } catch (RuntimeException e) {
            throw ClusterError.of(ClusterError.Code.KUBECONFIG_MALFORMED, String.valueOf(info.source()), "?",
                    dev.pullfix.model.secret.Redactor.redact(String.valueOf(e.getMessage())));
        }
        if (user != null && isBlank(user.getToken()) && !isBlank(user.getTokenFile()) && exec == null) {
            Path tf = Path.of(user.getTokenFile());
            if (!tf.isAbsolute() && userDir != null) {
                tf = userDir.resolve(tf);
            }
            try {
                String token = Files.readString(tf, StandardCharsets.UTF_8).trim();
                dev.pullfix.model.secret.Secrets.register(token);
                cfg.setAutoOAuthToken(token);
            } catch (IOException e) {
                throw ClusterError.of(ClusterError.Code.CONTEXT_INCOMPLETE, info.name(), "tokenFile " + tf);
            }
        }
        if (exec != null) {
            ExecCredentials.Credential c = exec.credential();
            if (c.token() == null) {
                cfg.setOauthTokenProvider(null);
                cfg.setClientCertData(c.clientCertificateData());
                cfg.setClientKeyData(c.clientKeyData());
                exec = null;
            }
        }
        String master = cfg.getMasterUrl();
        if (!master.endsWith("/")) {
            cfg.setMasterUrl(master + "/");
        }
        applyProxyEnvironment(cfg);
        cfg.setConnectionTimeout((int) options.connectTimeout().toMillis());
        cfg.setRequestTimeout((int) options.requestTimeout().toMillis());
        // fabric8's own retries would give a timed-out call a second full timeout: RequestDeadlines retries instead
        cfg.setRequestRetryBackoffLimit(0);
        cfg.setWatchReconnectLimit(0);
        cfg.setUserAgent("pullfix");
        Duration idle = options.idleTimeout() == null ? options.requestTimeout() : options.idleTimeout();
        // the HTTP client and the fabric8 client are built on first use (ClusterConnection): reading pods and
        // events needs only the first, and the second's start-up (its Jackson 3 object model) is then never paid
        return new ClusterConnection(info, cfg, new DeadlineHttpClientFactory(options.requestTimeout(), idle,
                options.retryBackoffLimit() > 0), exec, options.requestTimeout());
    }

    private void applyProxyEnvironment(Config cfg) {
        boolean any = false;
        if (isBlank(cfg.getHttpsProxy())) {
            String v = env.get("HTTPS_PROXY").or(() -> env.get("https_proxy")).orElse(null);
            if (v != null) {
                cfg.setHttpsProxy(v.contains("://") ? v : "http://" + v);
                any = true;
            }
        }
        if (isBlank(cfg.getHttpProxy())) {
            String v = env.get("HTTP_PROXY").or(() -> env.get("http_proxy")).orElse(null);
            if (v != null) {
                cfg.setHttpProxy(v.contains("://") ? v : "http://" + v);
                any = true;
            }
        }
        if (any) {
            List<String> no = new ArrayList<>();
            env.get("NO_PROXY").or(() -> env.get("no_proxy")).ifPresent(v -> {
                for (String s : v.split(",")) {
                    if (!s.isBlank()) {
                        no.add(s.trim());
                    }
                }
            });
            // Go's ProxyFromEnvironment never proxies loopback; neither do we
            no.add("localhost");
            no.add("127.0.0.1");
            cfg.setNoProxy(no.toArray(String[]::new));
        }
    }

    private static Path dirOf(Path file) {
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
