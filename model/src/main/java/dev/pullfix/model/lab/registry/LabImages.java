package dev.pullfix.model.lab.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab registries' image content, made up deterministically from (host, repository, tag): per platform an OCI
 * config (os, architecture, variant) and a manifest over it (no layers: the lab never unpacks), and an OCI index over
 * the platforms. Digests are real SHA-256 of the bytes served, so the client's digest checks hold.
 */
final class LabImages {
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bytes and media type of a manifest or blob. */
    record Content(String digest, String mediaType, byte[] bytes) {
    }

    private final Map<String, Content> byDigest = new ConcurrentHashMap<>();
    private final Map<String, Content> byTag = new ConcurrentHashMap<>();

    /** The index a tag resolves to (made on first use). */
    Content tag(String host, String repository, String tag, List<String> platforms) {
        return byTag.computeIfAbsent(host + "/" + repository + ":" + tag, k -> build(host, repository, tag, platforms));
    }

    /** A manifest or config blob by digest, once its tag has been resolved. */
    Optional<Content> digest(String digest) {
        return Optional.ofNullable(byDigest.get(digest));
    }

    private Content build(String host, String repository, String tag, List<String> platforms) {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        ArrayNode ms = index.putArray("manifests");
        for (String platform : platforms) {
            String[] p = platform.split("/");
            ObjectNode cfg = JSON.createObjectNode();
            cfg.put("architecture", p[1]);
            cfg.put("os", p[0]);
            if (p.length > 2) {
                cfg.put("variant", p[2]);
            }
            cfg.put("created", "2024-10-01T00:00:00Z");
            cfg.putObject("config").putObject("Labels").put("dev.pullfix.lab.image", host + "/" + repository + ":" + tag);
            cfg.putObject("rootfs").put("type", "layers").putArray("diff_ids");
            Content config = store(OCI_CONFIG, cfg);
            ObjectNode m = JSON.createObjectNode();
            m.put("schemaVersion", 2);
            m.put("mediaType", OCI_MANIFEST);
            m.putObject("config").put("mediaType", OCI_CONFIG).put("digest", config.digest())
                    .put("size", config.bytes().length);
            m.putArray("layers");
            Content manifest = store(OCI_MANIFEST, m);
            ObjectNode d = ms.addObject();
            d.put("mediaType", OCI_MANIFEST).put("digest", manifest.digest()).put("size", manifest.bytes().length);
            ObjectNode pl = d.putObject("platform");
            pl.put("architecture", p[1]).put("os", p[0]);
            if (p.length > 2) {
                pl.put("variant", p[2]);
            }
        }
        return store(OCI_INDEX, index);
    }

    private Content store(String mediaType, ObjectNode node) {
        byte[] b;
        try {
            b = JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Content c = new Content(sha256(b), mediaType, b);
        byDigest.put(c.digest(), c);
        return c;
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
