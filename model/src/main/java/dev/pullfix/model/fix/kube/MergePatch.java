package dev.pullfix.model.fix.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Builds the RFC 7386 JSON merge patch that turns one document into another (arrays are replaced whole). */
public final class MergePatch {
    private MergePatch() {}

    public static JsonNode diff(JsonNode from, JsonNode to) {
        if (from == null || !from.isObject() || to == null || !to.isObject()) {
            return to == null ? JsonNodeFactory.instance.nullNode() : to.deepCopy();
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = from.get(e.getKey());
            if (old == null) {
                patch.set(e.getKey(), e.getValue().deepCopy());
            } else if (!old.equals(e.getValue())) {
                patch.set(e.getKey(), old.isObject() && e.getValue().isObject() ? diff(old, e.getValue())
                        : e.getValue().deepCopy());
            }
        }
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!to.has(k)) {
                patch.putNull(k);
            }
        }
        return patch;
    }

    /** Applies an RFC 7386 merge patch to {@code target}, returning a new tree. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode out = target != null && target.isObject() ? target.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                out.remove(e.getKey());
            } else {
                out.set(e.getKey(), apply(out.get(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    /** Wraps {@code inner} under the given object path, e.g. {@code spec, template}. */
    public static ObjectNode at(JsonNode inner, String... path) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode cur = root;
        for (int i = 0; i < path.length - 1; i++) {
            cur = cur.putObject(path[i]);
        }
        cur.set(path[path.length - 1], inner);
        return root;
    }
}
