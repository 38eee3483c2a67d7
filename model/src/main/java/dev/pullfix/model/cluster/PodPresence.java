package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Before anything is diagnosed: can the API server be reached with these credentials, and do the namespace and
 * the pod exist? Each answer is a {@link ClusterError} (UNREACHABLE, TIMEOUT, UNAUTHORIZED, ..., NAMESPACE_NOT_FOUND,
 * POD_NOT_FOUND), so a front end says what could not be read instead of diagnosing a pod that is not there. Read as
 * JSON ({@link KubeReads}): whether they exist is all that is asked.
 */
public final class PodPresence {
    private PodPresence() {
    }

    /** Throws unless the namespace exists (a user who may not read namespaces is given the benefit of the doubt). */
    public static void requireNamespace(ClusterConnection conn, String namespace) {
        try {
            if (new KubeReads(conn).get("v1", null, "namespaces", namespace) == null) {
                throw ClusterError.of(ClusterError.Code.NAMESPACE_NOT_FOUND, namespace);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return; // RBAC may forbid reading namespaces; the pod lookup still tells
            }
            throw conn.error(e, "get", "namespaces", namespace);
        } catch (ClusterError e) {
            throw e;
        } catch (RuntimeException e) {
            throw conn.error(e, "get", "namespaces", namespace);
        }
    }

    /**
     * Throws unless the server answers, the namespace exists and the pod exists in it. The pod is asked for first:
     * when it is there, so is its namespace (one call); only a pod that is not there needs the namespace asked about,
     * to say which of the two is missing.
     */
    public static void requirePod(ClusterConnection conn, String namespace, String pod) {
        Object found;
        try {
            found = new KubeReads(conn).get("v1", namespace, "pods", pod);
        } catch (RuntimeException e) {
            throw conn.error(e, "get", "pods", namespace);
        }
        if (found == null) {
            requireNamespace(conn, namespace);
            throw ClusterError.of(ClusterError.Code.POD_NOT_FOUND, namespace, pod);
        }
    }
}
