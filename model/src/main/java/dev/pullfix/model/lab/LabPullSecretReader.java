package dev.pullfix.model.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pullfix.model.lab.server.LabStore;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import dev.pullfix.model.registry.PullSecret;
import dev.pullfix.model.registry.PullSecretReader;
import java.util.Base64;
import java.util.Optional;

/** Pull secrets from the lab API server's store, as the fabric8 reader gets them from a cluster. */
public final class LabPullSecretReader implements PullSecretReader {
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
}
