package dev.pullfix.model.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.lab.server.LabStore;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import dev.pullfix.model.registry.PullSecret;
import dev.pullfix.model.registry.PullSecretReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Pull secrets from the lab API server's store, as the fabric8 reader gets them from a cluster. */
public final class LabPullSecretReader implements PullSecretReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LabStore store;

    public LabPullSecretReader(LabStore store) {
        this.store = store;
    }

    @Override
    public Optional<PullSecret> read(String namespace, String name) {
        Optional<StoredObject> s = store.get(ResourceTypes.SECRETS, namespace, name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        JsonNode j = s.get().toJson();
        JsonNode data = j.path("data");
        return Optional.of(new PullSecret(namespace, name, j.path("type").asText(null),
                decode(data.path(".dockerconfigjson")), decode(data.path(".dockercfg"))));
    }

    private static byte[] decode(JsonNode v) {
        if (!v.isTextual()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            return new byte[] {'!'};
        }
    }

    /**
     * Registry host → "user:password" from the pod's imagePullSecrets (kubernetes.io/dockerconfigjson), as the lab's
     * simulated kubelet pulls with them.
     */
    public Map<String, String> hostCredentials(String ns, JsonNode pod) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode ref : pod.path("spec").path("imagePullSecrets")) {
            Optional<StoredObject> sec = store.get(ResourceTypes.SECRETS, ns, ref.path("name").asText());
            if (sec.isEmpty()) {
                continue;
            }
            JsonNode data = sec.get().toJson().path("data").path(".dockerconfigjson");
            if (data.isMissingNode()) {
                continue;
            }
            try {
                JsonNode cfg = JSON.readTree(Base64.getDecoder().decode(data.asText()));
                cfg.path("auths").fields().forEachRemaining(e -> {
                    JsonNode a = e.getValue();
                    String up = a.hasNonNull("auth") ? new String(Base64.getDecoder().decode(a.path("auth").asText()), StandardCharsets.UTF_8)
                            : a.path("username").asText() + ":" + a.path("password").asText();
                    String host = e.getKey().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
                    out.put(host, up);
                    out.put(e.getKey(), up);
                    if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
                        out.put("docker.io", up);
                    }
                });
            } catch (Exception e) {
                // a malformed secret gives no credentials, as for the kubelet
            }
        }
        return out;
    }
}
