package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Reads the few Kubernetes protobuf bodies kubectl's typed generators send for the kinds a pull fix creates
 * ({@code kubectl create secret docker-registry}, {@code create serviceaccount}, {@code create configmap},
 * {@code create namespace}): the {@code k8s\0} envelope around {@code runtime.Unknown}, then Secret, ConfigMap,
 * ServiceAccount or Namespace with their ObjectMeta. Anything else is answered 415 with a pointer to {@code apply -f}.
 */
final class Protobuf {
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private Protobuf() {
    }

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf");
    }

    static ObjectNode decode(byte[] body) {
        if (body.length < 4 || body[0] != MAGIC[0] || body[1] != MAGIC[1] || body[2] != MAGIC[2] || body[3] != MAGIC[3]) {
            throw ApiException.badRequest("the body of the request was in an unknown format: missing the k8s protobuf envelope");
        }
        Reader unknown = new Reader(body, 4, body.length);
        String apiVersion = "";
        String kind = "";
        byte[] raw = null;
        while (unknown.more()) {
            int tag = unknown.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Reader tm = unknown.message();
                while (tm.more()) {
                    int t = tm.tag();
                    if (t >>> 3 == 1) {
                        apiVersion = tm.string();
                    } else if (t >>> 3 == 2) {
                        kind = tm.string();
                    } else {
                        tm.skip(t);
                    }
                }
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                raw = unknown.bytes();
            } else {
                unknown.skip(tag);
            }
        }
        if (raw == null) {
            throw ApiException.badRequest("the body of the request was in an unknown format: empty protobuf object");
        }
        ObjectNode o = Json.object();
        o.put("apiVersion", apiVersion).put("kind", kind);
        Reader r = new Reader(raw, 0, raw.length);
        String key = apiVersion + "/" + kind;
        switch (key) {
            case "v1/Secret" -> secret(r, o);
            case "v1/ConfigMap" -> configMap(r, o);
            case "v1/ServiceAccount" -> serviceAccount(r, o);
            case "v1/Namespace" -> namespace(r, o);
            default -> throw new ApiException(415, "UnsupportedMediaType", "the lab API server reads " + kind
                    + " as JSON only (kubectl's typed generators send protobuf): use kubectl apply -f or create -f with YAML",
                    null, null, null);
        }
        return o;
    }

    private static void secret(Reader r, ObjectNode o) {
        while (r.more()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> meta(r.message(), o.putObject("metadata"));
                case 2 -> mapEntry(r.message(), Json.obj(o, "data"), true);
                case 3 -> o.put("type", r.string());
                case 4 -> mapEntry(r.message(), Json.obj(o, "stringData"), false);
                case 5 -> o.put("immutable", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
    }

    private static void configMap(Reader r, ObjectNode o) {
        while (r.more()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> meta(r.message(), o.putObject("metadata"));
                case 2 -> mapEntry(r.message(), Json.obj(o, "data"), false);
                case 3 -> mapEntry(r.message(), Json.obj(o, "binaryData"), true);
                case 4 -> o.put("immutable", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
    }

    private static void serviceAccount(Reader r, ObjectNode o) {
        while (r.more()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> meta(r.message(), o.putObject("metadata"));
                case 3 -> {
                    Reader ref = r.message();
                    ObjectNode n = (o.get("imagePullSecrets") instanceof ArrayNode a ? a : o.putArray("imagePullSecrets")).addObject();
                    while (ref.more()) {
                        int t = ref.tag();
                        if (t >>> 3 == 1) {
                            n.put("name", ref.string());
                        } else {
                            ref.skip(t);
                        }
                    }
                }
                case 4 -> o.put("automountServiceAccountToken", r.varint() != 0);
                default -> r.skip(tag);
            }
        }
    }

    private static void namespace(Reader r, ObjectNode o) {
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1) {
                meta(r.message(), o.putObject("metadata"));
            } else {
                r.skip(tag);
            }
        }
    }

    private static void meta(Reader r, ObjectNode m) {
        while (r.more()) {
            int tag = r.tag();
            switch (tag >>> 3) {
                case 1 -> m.put("name", r.string());
                case 2 -> m.put("generateName", r.string());
                case 3 -> m.put("namespace", r.string());
                case 5 -> m.put("uid", r.string());
                case 6 -> m.put("resourceVersion", r.string());
                case 11 -> mapEntry(r.message(), Json.obj(m, "labels"), false);
                case 12 -> mapEntry(r.message(), Json.obj(m, "annotations"), false);
                case 14 -> (m.get("finalizers") instanceof ArrayNode a ? a : m.putArray("finalizers")).add(r.string());
                case 8 -> {
                    Reader t = r.message();
                    long seconds = 0;
                    while (t.more()) {
                        int tt = t.tag();
                        if (tt >>> 3 == 1) {
                            seconds = t.varint();
                        } else {
                            t.skip(tt);
                        }
                    }
                    if (seconds != 0) {
                        m.put("creationTimestamp", Json.time(Instant.ofEpochSecond(seconds)));
                    }
                }
                default -> r.skip(tag);
            }
        }
    }

    private static void mapEntry(Reader r, ObjectNode into, boolean bytesValue) {
        String k = "";
        String v = "";
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1) {
                k = r.string();
            } else if (tag >>> 3 == 2) {
                v = bytesValue ? Base64.getEncoder().encodeToString(r.bytes()) : r.string();
            } else {
                r.skip(tag);
            }
        }
        into.put(k, v);
    }

    /** A protobuf wire-format cursor over a byte range. */
    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int from, int to) {
            this.b = b;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw ApiException.badRequest("the body of the request was in an unknown format: truncated protobuf");
                }
                byte x = b[pos++];
                result |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return result;
                }
            }
            throw ApiException.badRequest("the body of the request was in an unknown format: malformed varint");
        }

        byte[] bytes() {
            int len = (int) varint();
            if (len < 0 || pos + len > end) {
                throw ApiException.badRequest("the body of the request was in an unknown format: truncated protobuf");
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Reader message() {
            int len = (int) varint();
            if (len < 0 || pos + len > end) {
                throw ApiException.badRequest("the body of the request was in an unknown format: truncated protobuf");
            }
            Reader r = new Reader(b, pos, pos + len);
            pos += len;
            return r;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int len = (int) varint(); // not "pos += varint()": Java reads pos before the call
                    pos += len;
                }
                case 5 -> pos += 4;
                default -> throw ApiException.badRequest("the body of the request was in an unknown format: unsupported protobuf wire type");
            }
        }
    }
}
