package dev.pullfix.model.connect;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.registry.PullSecret;
import dev.pullfix.model.registry.PullSecretReader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pullfix.model.cluster.KubeReads;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a pull secret's docker config over the cluster connection ({@code get secrets}, as JSON), decoded in memory
 * for the registry checks and never kept, logged or shown. A 403 says the user may not read secrets in the namespace:
 * the registry checks then run anonymously and say so.
 */
public final class Fabric8PullSecretReader implements PullSecretReader {
    private final ClusterConnection conn;

    public Fabric8PullSecretReader(ClusterConnection conn) {
        this.conn = conn;
    }

    @Override
    public Optional<PullSecret> read(String namespace, String name) throws CouldNotCheckException {
        JsonNode s;
        try {
            s = new KubeReads(conn).get("v1", namespace, "secrets", name);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                throw CouldNotCheckException.accessDenied("get secrets", "the API server refused: get secrets "
                        + namespace + "/" + name);
            }
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw new CouldNotCheckException(e.getCode() == 0 ? CouldNotCheckException.Reason.UNREACHABLE
                    : CouldNotCheckException.Reason.ERROR, "get secrets", "reading secret " + namespace + "/" + name
                    + " failed (HTTP " + e.getCode() + ")");
        } catch (dev.pullfix.model.cluster.ClusterError e) {
            throw new CouldNotCheckException(CouldNotCheckException.Reason.ERROR, "get secrets",
                    "reading secret " + namespace + "/" + name + " failed");
        }
        if (s == null) {
            return Optional.empty();
        }
        JsonNode data = s.path("data");
        return Optional.of(new PullSecret(namespace, name, Fabric8ClusterPort.text(s.path("type")),
                decode(Fabric8ClusterPort.text(data.path(".dockerconfigjson"))),
                decode(Fabric8ClusterPort.text(data.path(".dockercfg")))));
    }

    private static byte[] decode(String b64) {
        if (b64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return new byte[] {'!'}; // not base64: parses as malformed, as the API server would never store it
        }
    }
}
