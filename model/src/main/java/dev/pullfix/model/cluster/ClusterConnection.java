package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * An open connection to one context's API server (a fabric8 client inside). Close it when done.
 * Other model packages may use {@link #kubernetesClient()} for their own adapters.
 */
public final class ClusterConnection implements AutoCloseable {

    private final ContextInfo context;
    private final KubernetesClient client;
    private final ExecCredentials execCredentials;
    private final Duration timeout;

    ClusterConnection(ContextInfo context, KubernetesClient client, ExecCredentials execCredentials,
                      Duration timeout) {
        this.context = context;
        this.client = client;
        this.execCredentials = execCredentials;
        this.timeout = timeout;
    }

    /** Wraps an existing client (tests, the lab). */
    public static ClusterConnection of(ContextInfo context, KubernetesClient client) {
        return new ClusterConnection(context, client, null, null);
    }

    /** The stated time one call may take (retries included), or null when not known (a wrapped client). */
    public Duration timeout() {
        return timeout;
    }

    public ContextInfo context() {
        return context;
    }

    public String server() {
        return context.server() != null ? context.server() : client.getMasterUrl().toString();
    }

    public KubernetesClient kubernetesClient() {
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
    public void close() {
        client.close();
    }
}
