package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One stored object: its JSON pre-serialised (apiVersion, kind, metadata first, so the metadata can be
 * served alone as PartialObjectMetadata without parsing), plus what lists and watches filter and print on:
 * labels, field-selector values and Table cells. Immutable.
 */
public final class StoredObject {
    private final ResourceType type;
    private final String namespace;
    private final String name;
    private final long resourceVersion;
    private final byte[] json;
    private final int metaStart;
    private final int metaEnd;
    private final Map<String, String> labels;
    private final String[] fields;
    private final Object[] cells;

    private StoredObject(ResourceType type, String namespace, String name, long rv, byte[] json, int metaStart,
                         int metaEnd, Map<String, String> labels, String[] fields, Object[] cells) {
        this.type = type;
        this.namespace = namespace;
        this.name = name;
        this.resourceVersion = rv;
        this.json = json;
        this.metaStart = metaStart;
        this.metaEnd = metaEnd;
        this.labels = labels;
        this.fields = fields;
        this.cells = cells;
    }

    /** Serialises {@code o} (whose metadata is complete) and extracts its index entries. */
    static StoredObject of(ResourceType type, ObjectNode o) {
        ObjectNode meta = Json.obj(o, "metadata");
        String ns = type.namespaced() ? meta.path("namespace").asText(null) : null;
        String name = meta.path("name").asText();
        long rv = parseRv(meta.path("resourceVersion").asText("0"));
        Json.Buf out = new Json.Buf(2048);
        int ms;
        int me;
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("apiVersion", type.apiVersion());
            g.writeStringField("kind", type.kind());
            g.writeFieldName("metadata");
            g.flush();
            ms = out.size();
            Json.write(g, meta);
            g.flush();
            me = out.size();
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (k.equals("apiVersion") || k.equals("kind") || k.equals("metadata")) {
                    continue;
                }
                g.writeFieldName(k);
                Json.write(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = Arrays.copyOf(out.array(), out.size());
        while (ms < me && bytes[ms] != '{') {
            ms++; // the generator writes the ':' separator together with the value
        }
        Map<String, String> labels;
        JsonNode l = meta.get("labels");
        if (l == null || l.isEmpty()) {
            labels = Map.of();
        } else {
            Map<String, String> m = new HashMap<>();
            l.fields().forEachRemaining(e -> m.put(e.getKey().intern(), e.getValue().asText().intern()));
            labels = Map.copyOf(m);
        }
        String[] fields = new String[type.fieldLabels().size()];
        for (int i = 0; i < fields.length; i++) {
            String label = type.fieldLabels().get(i);
            JsonNode v = Json.at(o, label.split("\\."));
            if (v != null && v.isObject() && label.equals("source")) {
                v = v.get("component");
            }
            String s = v == null || v.isContainerNode() ? "" : v.asText();
            fields[i] = s.length() <= 64 ? s.intern() : s;
        }
        Object[] cells = type.printer().cells(o);
        return new StoredObject(type, ns == null ? null : ns.intern(), name, rv, bytes, ms, me, labels, fields, cells);
    }

    static long parseRv(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public ResourceType type() {
        return type;
    }

    /** The namespace, or null for cluster-scoped kinds. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public long resourceVersion() {
        return resourceVersion;
    }

    /** The labels (read-only). */
    public Map<String, String> labels() {
        return labels;
    }

    String field(int i) {
        return fields[i];
    }

    Object[] cells() {
        return cells;
    }

    /** The stored JSON; do not modify the array. */
    byte[] jsonBytes() {
        return json;
    }

    int metaStart() {
        return metaStart;
    }

    int metaEnd() {
        return metaEnd;
    }

    /** A fresh, mutable parse of the object. */
    public ObjectNode toJson() {
        return (ObjectNode) Json.parse(json);
    }

    /** The object as JSON text. */
    public String toJsonString() {
        return new String(json, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Approximate retained bytes of this entry (for the benchmark's accounting). */
    long approximateSize() {
        return 64 + json.length + labels.size() * 64L + fields.length * 16L + cells.length * 24L;
    }

    String key() {
        return key(namespace, name);
    }

    static String key(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }
}
