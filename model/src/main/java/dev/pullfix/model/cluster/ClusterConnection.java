package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.impl.KubernetesClientImpl;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;

/**
 * An open connection to one context's API server (a fabric8 client inside). Close it when done.
 * Other model packages may use {@link #kubernetesClient()} for their own adapters.
 *
 * <p>Both clients are built on first use: the HTTP client (auth, TLS, proxies, deadlines) when anything is read,
 * the fabric8 client on it when an adapter asks for one. The pod tree and events read through the HTTP client
 * alone ({@link KubeHttp}), so the commands that only list never start fabric8's object model.
 */
public final class ClusterConnection implements AutoCloseable {

    private final ContextInfo context;
    private final Config config;
    private final HttpClient.Factory httpFactory;
    private final ExecCredentials execCredentials;
    private final Duration timeout;
    private HttpClient http;
    private KubernetesClient client;
    private boolean closed;

    ClusterConnection(ContextInfo context, Config config, HttpClient.Factory httpFactory,
                      ExecCredentials execCredentials, Duration timeout) {
        this.context = context;
        this.config = config;
        this.httpFactory = httpFactory;
        this.execCredentials = execCredentials;
        this.timeout = timeout;
    }

    private ClusterConnection(ContextInfo context, KubernetesClient client) {
        this(context, client.getConfiguration(), null, null, null);
        this.client = client;
        this.http = client.getHttpClient();
    }

    /** Wraps an existing client (tests, the lab). */
    public static ClusterConnection of(ContextInfo context, KubernetesClient client) {
        return new ClusterConnection(context, client);
    }

    /** The stated time one call may take (retries included), or null when not known (a wrapped client). */
    public Duration timeout() {
        return timeout;
    }

    public ContextInfo context() {
        return context;
    }

    public String server() {
        return context.server() != null ? context.server() : config.getMasterUrl();
    }

    /** The API server's base URL, ending in a slash. */
    String masterUrl() {
        String m = config.getMasterUrl();
        return m.endsWith("/") ? m : m + "/";
    }

    /** The per-request timeout of the configuration, in milliseconds (0: none). */
    int requestTimeoutMillis() {
        return config.getRequestTimeout();
    }

    /** The HTTP client every call goes through (built on first use). */
    synchronized HttpClient httpClient() {
        if (closed) {
            throw new IllegalStateException("connection closed");
        }
        if (http == null) {
            http = httpFactory.newBuilder(config).build();
        }
        return http;
    }

    /** The fabric8 client (built on first use, on the same HTTP client). */
    public synchronized KubernetesClient kubernetesClient() {
        if (client == null) {
            client = new KubernetesClientImpl(httpClient(), config, null, new KubernetesSerialization());
        }
        return client;
    }

    /** The namespace kubectl would use when none is given. */
    public String defaultNamespace() {
        return context.effectiveNamespace();
    }

    /** Maps any failure from a call on this connection to a ClusterError. */
    public ClusterError error(Throwable t, String verb, String resource, String namespace) {
        if (execCredentials != null && t instanceof io.fabric8.kubernetes.client.KubernetesClientException k
                && k.getCode() == 401) {
            execCredentials.invalidate();
        }
        return ClusterErrors.map(t, context, server(), verb, resource, namespace, timeout);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        } else if (http != null) {
            http.close();
        }
    }
}
