package dev.pullfix.model.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.lab.server.LabStore;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The diagnosis engine's registry probe answered from the lab's registries (Docker Hub, private registries):
 * what {@code HEAD /v2/<name>/manifests/<ref>} would return from this machine, with the pod's pull secrets.
 * ECR images are not probed here (they go through the AWS port).
 */
public final class LabRegistryPort implements RegistryPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LabWorld world;
    private final LabStore store;

    public LabRegistryPort(LabWorld world, LabStore store) {
        this.world = world;
        this.store = store;
    }

    @Override
    public ManifestProbe probe(String image, String namespace, List<String> pullSecretNames) throws CouldNotCheckException {
        ImageReference ref = ImageReference.parse(image);
        String host = ref.domain();
        Optional<ObjectNode> reg = world.registry(host);
        if (reg.isEmpty() || reg.get().path("unreachable").asBoolean(false)) {
            return new ManifestProbe(ManifestProbe.Status.TIMEOUT, 0, false, null, null, "i/o timeout");
        }
        ObjectNode r = reg.get();
        boolean authed = false;
        JsonNode auth = r.path("auth");
        if (auth.isObject()) {
            String want = auth.path("username").asText() + ":" + auth.path("password").asText();
            for (String name : pullSecretNames) {
                if (credentials(namespace, name, host).map(want::equals).orElse(false)) {
                    authed = true;
                }
            }
            boolean tried = !pullSecretNames.isEmpty();
            if (!authed && auth.path("required").asBoolean(true)) {
                return new ManifestProbe(tried ? ManifestProbe.Status.UNAUTHORIZED : ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED,
                        401, tried, null, null, "UNAUTHORIZED: authentication required");
            }
        }
        Integer remaining = r.has("rateRemaining") && !authed ? r.path("rateRemaining").asInt() : null;
        Integer limit = remaining == null ? null : 100;
        JsonNode tags = r.path("repositories").path(ref.path());
        if (tags.isMissingNode()) {
            return new ManifestProbe(ManifestProbe.Status.NOT_FOUND_OR_UNAUTHORIZED, 401, authed, remaining, limit,
                    "insufficient_scope: authorization failed");
        }
        if (remaining != null && remaining <= 0) {
            return new ManifestProbe(ManifestProbe.Status.RATE_LIMITED, 429, false, 0, limit,
                    "toomanyrequests: You have reached your pull rate limit.");
        }
        String want = ref.tag() != null ? ref.tag() : "latest";
        for (JsonNode t : tags) {
            if (t.asText().equals(want) || ref.digest() != null) {
                return new ManifestProbe(ManifestProbe.Status.FOUND, 200, authed, remaining, limit, null);
            }
        }
        return new ManifestProbe(ManifestProbe.Status.TAG_NOT_FOUND, 404, authed, remaining, limit,
                "MANIFEST_UNKNOWN: manifest unknown");
    }

    private Optional<String> credentials(String namespace, String secret, String host) {
        Optional<StoredObject> s = store.get(ResourceTypes.SECRETS, namespace, secret);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode cfg = JSON.readTree(Base64.getDecoder().decode(s.get().toJson().path("data").path(".dockerconfigjson").asText()));
            var it = cfg.path("auths").fields();
            while (it.hasNext()) {
                var e = it.next();
                String h = e.getKey().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
                boolean hub = host.equals("docker.io") && (h.equals("index.docker.io") || h.equals("registry-1.docker.io") || h.equals("docker.io"));
                if (h.equals(host) || hub) {
                    JsonNode a = e.getValue();
                    return Optional.of(a.hasNonNull("auth") ? new String(Base64.getDecoder().decode(a.path("auth").asText()), StandardCharsets.UTF_8)
                            : a.path("username").asText() + ":" + a.path("password").asText());
                }
            }
        } catch (Exception e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
