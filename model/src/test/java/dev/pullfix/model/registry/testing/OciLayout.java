package dev.pullfix.model.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes an OCI image layout by hand (no network, no builder): one empty layer (a valid empty tar), a config naming
 * the platform, the manifest, optionally an index over several platforms, and {@code index.json} naming the
 * reference, so {@code skopeo copy oci:DIR:REF docker://...} can push it.
 */
public final class OciLayout {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    private final Path dir;

    private OciLayout(Path dir) {
        this.dir = dir;
    }

    /** The layout written so far in {@code dir}. */
    public Path dir() {
        return dir;
    }

    /** A descriptor of a written blob. */
    public record Blob(String digest, long size, byte[] bytes) {
    }

    public static OciLayout create(Path dir) {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
            return new OciLayout(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single-platform image (e.g. "linux/amd64", "linux/arm/v7"); {@code label} makes images differ. */
    public Blob image(String platform, String label) {
        byte[] tar = new byte[1024]; // an empty tar archive: two zero blocks
        Blob l = blob(gzip(tar));
        String[] p = platform.split("/");
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("architecture", p[1]);
        cfg.put("os", p[0]);
        if (p.length > 2) {
            cfg.put("variant", p[2]);
        }
        cfg.putObject("config").putObject("Labels").put("pullfix.test", label);
        ObjectNode rootfs = cfg.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + sha256(tar));
        Blob c = blob(bytes(cfg));
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.set("config", descriptor("application/vnd.oci.image.config.v1+json", c));
        m.putArray("layers").add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", l));
        return blob(bytes(m));
    }

    /** An index over one image per platform. */
    public Blob index(List<String> platforms, String label) {
        ObjectNode idx = JSON.createObjectNode();
        idx.put("schemaVersion", 2);
        idx.put("mediaType", OCI_INDEX);
        ArrayNode ms = idx.putArray("manifests");
        for (String platform : platforms) {
            Blob img = image(platform, label + "-" + platform);
            ObjectNode d = descriptor(OCI_MANIFEST, img);
            String[] p = platform.split("/");
            ObjectNode pl = d.putObject("platform");
            pl.put("architecture", p[1]);
            pl.put("os", p[0]);
            if (p.length > 2) {
                pl.put("variant", p[2]);
            }
            ms.add(d);
        }
        return blob(bytes(idx));
    }

    /** Names {@code top} (a manifest or an index) as {@code ref} in index.json. */
    public OciLayout tag(String ref, Blob top, String mediaType) {
        try {
            ObjectNode index = (ObjectNode) JSON.readTree(dir.resolve("index.json").toFile());
            ObjectNode d = descriptor(mediaType, top);
            d.putObject("annotations").put("org.opencontainers.image.ref.name", ref);
            ((ArrayNode) index.get("manifests")).add(d);
            Files.write(dir.resolve("index.json"), bytes(index));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Blob blob(byte[] b) {
        String hex = sha256(b);
        try {
            Files.write(dir.resolve("blobs/sha256/" + hex), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Blob("sha256:" + hex, b.length, b);
    }

    private static ObjectNode descriptor(String mediaType, Blob b) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", b.digest());
        d.put("size", b.size());
        return d;
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Digest of bytes, {@code sha256:<hex>}. */
    public static String digestOf(String text) {
        return "sha256:" + sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
