package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The three patch formats a real API server takes: JSON merge patch (RFC 7386), strategic merge patch
 * (merge keys for the lists the lab's fixes touch: containers by name, imagePullSecrets by name, env,
 * volumes, ports, conditions...; the {@code $patch}, {@code $setElementOrder} and
 * {@code $deleteFromPrimitiveList} directives) and JSON patch (RFC 6902).
 */
public final class Patches {
    /** The patch content types. */
    public enum Type {
        MERGE("application/merge-patch+json"),
        STRATEGIC("application/strategic-merge-patch+json"),
        JSON("application/json-patch+json");

        private final String mediaType;

        Type(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        static Type of(String contentType) {
            String ct = contentType == null ? "" : contentType.split(";")[0].trim();
            for (Type t : values()) {
                if (t.mediaType.equals(ct)) {
                    return t;
                }
            }
            if (ct.equals("application/apply-patch+yaml")) {
                throw new ApiException(415, "UnsupportedMediaType",
                        "server-side apply (application/apply-patch+yaml) is not supported by the lab API server", null, null, null);
            }
            throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json", null, null, null);
        }
    }

    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"), Map.entry("imagePullSecrets", "name"),
            Map.entry("env", "name"), Map.entry("volumes", "name"), Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"), Map.entry("ports", "containerPort"),
            Map.entry("conditions", "type"), Map.entry("ownerReferences", "uid"),
            Map.entry("containerStatuses", "name"), Map.entry("initContainerStatuses", "name"),
            Map.entry("hostAliases", "ip"), Map.entry("topologySpreadConstraints", "topologyKey"),
            Map.entry("secrets", "name"), Map.entry("addresses", "type"));

    private Patches() {
    }

    /** Applies {@code patch} of the given type to a copy of {@code target} and returns the result. */
    public static ObjectNode apply(Type type, ObjectNode target, JsonNode patch) {
        ObjectNode copy = target.deepCopy();
        JsonNode out = switch (type) {
            case MERGE -> mergePatch(copy, patch);
            case STRATEGIC -> strategic(copy, patch);
            case JSON -> jsonPatch(copy, patch);
        };
        if (!(out instanceof ObjectNode o)) {
            throw ApiException.badRequest("the patch did not produce an object");
        }
        return o;
    }

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode t = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                t.remove(e.getKey());
            } else {
                t.set(e.getKey(), mergePatch(t.get(e.getKey()), e.getValue()));
            }
        }
        return t;
    }

    static JsonNode strategic(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        String directive = patch.path("$patch").asText("");
        if (directive.equals("replace")) {
            ObjectNode r = ((ObjectNode) patch).deepCopy();
            r.remove("$patch");
            return r;
        }
        if (directive.equals("delete")) {
            return null;
        }
        ObjectNode t = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.startsWith("$setElementOrder/") || k.equals("$retainKeys") || k.equals("$patch")) {
                continue;
            }
            if (k.startsWith("$deleteFromPrimitiveList/")) {
                String field = k.substring("$deleteFromPrimitiveList/".length());
                if (t.get(field) instanceof ArrayNode arr && v.isArray()) {
                    for (int i = arr.size() - 1; i >= 0; i--) {
                        for (JsonNode del : v) {
                            if (arr.get(i).equals(del)) {
                                arr.remove(i);
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            if (v.isNull()) {
                t.remove(k);
            } else if (v.isArray() && MERGE_KEYS.containsKey(k) && t.get(k) instanceof ArrayNode existing) {
                t.set(k, mergeList(existing, (ArrayNode) v, MERGE_KEYS.get(k)));
            } else if (v.isArray() && k.equals("finalizers") && t.get(k) instanceof ArrayNode existing) {
                for (JsonNode f : v) {
                    boolean present = false;
                    for (JsonNode x : existing) {
                        present |= x.equals(f);
                    }
                    if (!present) {
                        existing.add(f);
                    }
                }
            } else if (v.isObject()) {
                JsonNode merged = strategic(t.get(k), v);
                if (merged == null) {
                    t.remove(k);
                } else {
                    t.set(k, merged);
                }
            } else {
                t.set(k, stripDirectives(v.deepCopy()));
            }
        }
        return t;
    }

    private static JsonNode stripDirectives(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("$patch");
            o.fields().forEachRemaining(e -> stripDirectives(e.getValue()));
        } else if (n instanceof ArrayNode a) {
            a.forEach(Patches::stripDirectives);
        }
        return n;
    }

    private static ArrayNode mergeList(ArrayNode existing, ArrayNode patch, String key) {
        ArrayNode out = existing.deepCopy();
        for (JsonNode p : patch) {
            if (!p.isObject()) {
                continue;
            }
            if (p.path("$patch").asText("").equals("replace") && p.size() == 1) {
                return stripArray(patch);
            }
            JsonNode keyVal = p.get(key);
            int found = -1;
            for (int i = 0; i < out.size(); i++) {
                if (keyVal != null && keyVal.equals(out.get(i).get(key))) {
                    found = i;
                    break;
                }
            }
            String dir = p.path("$patch").asText("");
            if (dir.equals("delete")) {
                if (found >= 0) {
                    out.remove(found);
                }
            } else if (found >= 0) {
                out.set(found, strategic(out.get(found), p));
            } else {
                out.add(stripDirectives(p.deepCopy()));
            }
        }
        return out;
    }

    private static ArrayNode stripArray(ArrayNode patch) {
        ArrayNode out = Json.array();
        for (JsonNode p : patch) {
            if (!(p.isObject() && p.path("$patch").asText("").equals("replace") && p.size() == 1)) {
                out.add(stripDirectives(p.deepCopy()));
            }
        }
        return out;
    }

    static JsonNode jsonPatch(JsonNode target, JsonNode ops) {
        if (!ops.isArray()) {
            throw ApiException.badRequest("json patch must be an array of operations");
        }
        JsonNode doc = target;
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText(null);
            if (path == null) {
                throw ApiException.badRequest("json patch operation is missing \"path\"");
            }
            switch (kind) {
                case "add" -> doc = add(doc, path, op.get("value"));
                case "replace" -> {
                    remove(doc, path);
                    doc = add(doc, path, op.get("value"));
                }
                case "remove" -> remove(doc, path);
                case "test" -> {
                    if (!resolve(doc, path).equals(op.get("value"))) {
                        throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request: "
                                + "testing value " + path + " failed", null, null, null);
                    }
                }
                case "copy", "move" -> {
                    String from = op.path("from").asText();
                    JsonNode v = resolve(doc, from).deepCopy();
                    if (kind.equals("move")) {
                        remove(doc, from);
                    }
                    doc = add(doc, path, v);
                }
                default -> throw ApiException.badRequest("Unexpected kind: " + kind);
            }
        }
        return doc;
    }

    private static String[] tokens(String path) {
        if (path.isEmpty()) {
            return new String[0];
        }
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].replace("~1", "/").replace("~0", "~");
        }
        return parts;
    }

    private static JsonNode resolve(JsonNode doc, String path) {
        JsonNode cur = doc;
        for (String t : tokens(path)) {
            cur = cur.isArray() ? cur.get(index(t, cur.size())) : cur.get(t);
            if (cur == null) {
                throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request: "
                        + "jsonpatch: path " + path + " does not exist", null, null, null);
            }
        }
        return cur;
    }

    private static int index(String t, int size) {
        try {
            int i = Integer.parseInt(t);
            if (i < 0 || i > size) {
                throw ApiException.badRequest("jsonpatch: index out of bounds: " + t);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("jsonpatch: bad array index: " + t);
        }
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value) {
        String[] t = tokens(path);
        if (t.length == 0) {
            return value;
        }
        JsonNode parent = resolve(doc, path.substring(0, path.lastIndexOf('/')));
        String last = t[t.length - 1];
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else {
                a.insert(index(last, a.size()), value);
            }
        } else {
            throw ApiException.badRequest("jsonpatch: cannot add at " + path);
        }
        return doc;
    }

    private static void remove(JsonNode doc, String path) {
        String[] t = tokens(path);
        resolve(doc, path);
        JsonNode parent = resolve(doc, path.substring(0, path.lastIndexOf('/')));
        String last = t[t.length - 1];
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(index(last, a.size() - 1));
        }
    }
}
