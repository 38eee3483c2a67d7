package dev.pullfix.model.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a few objects as JSON trees over the connection's HTTP client (so kubeconfig auth, TLS, proxies, deadlines
 * and retries are those of every other read), for adapters that need a handful of fields from a handful of objects:
 * no typed object model is built. fabric8's (on Jackson 3) costs a cold one-pod diagnosis more CPU than all of its
 * calls together, for the twenty fields the runbooks read. Failures are fabric8's {@code KubernetesClientException}s
 * with the HTTP code, as its own calls throw them, so callers map them as before; a {@link #get} of an object that is
 * not there is null.
 */
public final class KubeReads {
    private static final ObjectMapper TREE = new ObjectMapper();

    private final ClusterConnection conn;

    public KubeReads(ClusterConnection conn) {
        this.conn = conn;
    }

    /**
     * One object, e.g. {@code get("v1", "shop", "pods", "api-1")} or {@code get("apps/v1", ns, "deployments", n)};
     * {@code namespace} null for a cluster-scoped one ({@code get("v1", null, "nodes", n)}). Null on 404.
     */
    public JsonNode get(String groupVersion, String namespace, String resource, String name) {
        return new KubeHttp(conn).get(KubeHttp.path(groupVersion, namespace, resource) + "/" + KubeHttp.encode(name),
                TREE::readTree);
    }

    /**
     * Every object of a collection (paged by {@code limit}), each handed to {@code items} as it is parsed; the
     * selectors as kubectl's {@code --field-selector} and {@code -l} (null: none). {@code namespace} null: all.
     */
    public void list(String groupVersion, String namespace, String resource, String fieldSelector, String labelSelector,
                     int limit, Consumer<JsonNode> items) {
        Map<String, String> selectors = new LinkedHashMap<>();
        if (fieldSelector != null) {
            selectors.put("fieldSelector", fieldSelector);
        }
        if (labelSelector != null) {
            selectors.put("labelSelector", labelSelector);
        }
        new KubeHttp(conn).listSelected(KubeHttp.path(groupVersion, namespace, resource), limit, selectors,
                p -> items.accept(TREE.readTree(p)), () -> false);
    }
}
