package dev.pullfix.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A pull secret's docker config, read as the kubelet's {@code credentialprovider} reads it: {@code .dockerconfigjson}
 * is {@code {"auths": {KEY: ENTRY}}}, {@code .dockercfg} is {@code {KEY: ENTRY}}; an entry's {@code auth}
 * (base64 of {@code user:password}) overrides {@code username}/{@code password}. The kubelet ignores
 * {@code identitytoken} and {@code registrytoken}, and so does this class. Entries live in memory only.
 */
public final class DockerConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One registry key (as written, e.g. {@code https://index.docker.io/v1/}) and its credentials. */
    public record Entry(String key, Credential credential) {
    }

    private DockerConfig() {
    }

    /** {@code .dockerconfigjson} bytes. */
    public static List<Entry> parseConfigJson(byte[] data, String source) throws IOException {
        JsonNode root = read(data);
        JsonNode auths = root.path("auths");
        if (!auths.isObject()) {
            return List.of();
        }
        return entries(auths, source);
    }

    /** {@code .dockercfg} bytes (the legacy format: the map itself). */
    public static List<Entry> parseDockercfg(byte[] data, String source) throws IOException {
        return entries(read(data), source);
    }

    private static JsonNode read(byte[] data) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (IOException e) {
            // never echo the content: it is credentials
            throw new IOException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        return root;
    }

    private static List<Entry> entries(JsonNode map, String source) throws IOException {
        List<Entry> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                throw new IOException("the entry for " + e.getKey() + " is not an object");
            }
            String user = v.path("username").asText("");
            String password = v.path("password").asText("");
            String auth = v.path("auth").asText("");
            if (!auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ex) {
                    throw new IOException("the auth field for " + e.getKey() + " is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IOException("the auth field for " + e.getKey() + " is not user:password");
                }
                user = decoded.substring(0, colon);
                password = decoded.substring(colon + 1);
            }
            out.add(new Entry(e.getKey(), Credential.basic(user, password, source + " (" + e.getKey() + ")")));
        }
        return out;
    }
}
