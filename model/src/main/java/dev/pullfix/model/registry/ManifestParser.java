package dev.pullfix.model.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads manifests, config blobs and the registry's error bodies. Pure. */
final class ManifestParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestParser() {
    }

    /** A parsed manifest: media type, index platforms, or a single manifest's config digest (or schema 1 arch). */
    record Parsed(String mediaType, List<Platform> platforms, String configDigest) {
    }

    static Parsed parse(byte[] body, String contentType) throws IOException {
        JsonNode j = JSON.readTree(body);
        if (j == null || !j.isObject()) {
            throw new IOException("the manifest is not a JSON object");
        }
        String type = MediaTypes.base(contentType);
        if (type == null || type.isEmpty() || type.equals("application/json") || type.equals("text/plain")
                || type.equals("application/octet-stream")) {
            type = j.path("mediaType").asText("");
            if (type.isEmpty()) {
                type = j.has("manifests") ? MediaTypes.OCI_INDEX : j.path("schemaVersion").asInt() == 1
                        ? MediaTypes.DOCKER_SCHEMA1 : MediaTypes.OCI_MANIFEST;
            }
        }
        if (MediaTypes.isIndex(type)) {
            List<Platform> platforms = new ArrayList<>();
            for (JsonNode m : j.path("manifests")) {
                if ("attestation-manifest".equals(m.path("annotations").path("vnd.docker.reference.type").asText())) {
                    continue;
                }
                JsonNode p = m.path("platform");
                String os = p.path("os").asText("");
                String arch = p.path("architecture").asText("");
                if (os.isEmpty() || arch.isEmpty() || os.equals("unknown") || arch.equals("unknown")) {
                    continue;
                }
                Platform pl = new Platform(os, arch, p.path("variant").asText("")).normalized();
                if (!platforms.contains(pl)) {
                    platforms.add(pl);
                }
            }
            return new Parsed(type, platforms, null);
        }
        if (j.path("schemaVersion").asInt() == 1) {
            String arch = j.path("architecture").asText("");
            return new Parsed(MediaTypes.DOCKER_SCHEMA1, arch.isEmpty() ? List.of()
                    : List.of(new Platform("linux", arch, "").normalized()), null);
        }
        String config = j.path("config").path("digest").asText("");
        return new Parsed(type, List.of(), config.isEmpty() ? null : config);
    }

    /** The platform an image config blob names ({@code os}, {@code architecture}, {@code variant}). */
    static Optional<Platform> configPlatform(byte[] body) throws IOException {
        JsonNode j = JSON.readTree(body);
        String os = j.path("os").asText("");
        String arch = j.path("architecture").asText("");
        if (os.isEmpty() || arch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(os, arch, j.path("variant").asText("")).normalized());
    }

    /** {@code sha256:<hex>} of the bytes. */
    static String sha256(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error body's entry: {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}}. */
    record ErrorEntry(String code, String message) {
    }

    static List<ErrorEntry> errors(byte[] body) {
        List<ErrorEntry> out = new ArrayList<>();
        if (body == null || body.length == 0) {
            return out;
        }
        try {
            JsonNode j = JSON.readTree(body);
            for (JsonNode e : j.path("errors")) {
                out.add(new ErrorEntry(e.path("code").asText("").toUpperCase(java.util.Locale.ROOT),
                        e.path("message").asText("")));
            }
            if (out.isEmpty() && j.has("details")) {
                // Docker Hub's older 429 body: {"details": "You have reached your pull rate limit..."}
                out.add(new ErrorEntry("", j.path("details").asText("")));
            }
        } catch (IOException | RuntimeException e) {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                out.add(new ErrorEntry("", text.replaceAll("\\p{Cntrl}", " ")));
            }
        }
        return out;
    }

    /** The {@code rel="next"} target of a {@code Link} header, or empty. */
    static Optional<String> nextLink(List<String> linkHeaders) {
        for (String h : linkHeaders) {
            for (String part : h.split(",(?=\\s*<)")) {
                String p = part.trim();
                int lt = p.indexOf('<');
                int gt = p.indexOf('>');
                if (lt < 0 || gt < lt) {
                    continue;
                }
                String params = p.substring(gt + 1).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                if (params.contains("rel=\"next\"") || params.contains("rel=next")) {
                    return Optional.of(p.substring(lt + 1, gt));
                }
            }
        }
        return Optional.empty();
    }
}
