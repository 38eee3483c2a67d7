package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The discovery documents (legacy, non-aggregated: kubectl 1.32 falls back to them when the answer is plain JSON). */
final class Discovery {
    private final Map<String, byte[]> docs = new LinkedHashMap<>();

    Discovery(String serverAddress) {
        ObjectNode version = Json.object();
        version.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-pullfix-lab")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.4").put("compiler", "gc")
                .put("platform", "linux/amd64");
        docs.put("/version", Json.bytes(version));

        ObjectNode api = Json.object();
        api.put("kind", "APIVersions");
        api.putArray("versions").add("v1");
        api.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        docs.put("/api", Json.bytes(api));

        ObjectNode groups = Json.object();
        groups.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode ga = groups.putArray("groups");
        for (String gv : ResourceTypes.groupVersions()) {
            if (!gv.contains("/")) {
                continue;
            }
            String g = gv.substring(0, gv.indexOf('/'));
            ObjectNode group = group(g, gv);
            ga.add(group);
            ObjectNode single = group.deepCopy();
            single.put("kind", "APIGroup").put("apiVersion", "v1");
            docs.put("/apis/" + g, Json.bytes(single));
        }
        docs.put("/apis", Json.bytes(groups));

        for (String gv : ResourceTypes.groupVersions()) {
            ObjectNode list = Json.object();
            list.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", gv);
            ArrayNode rs = list.putArray("resources");
            for (ResourceType t : ResourceTypes.ALL_TYPES) {
                if (!t.apiVersion().equals(gv)) {
                    continue;
                }
                ObjectNode r = rs.addObject();
                r.put("name", t.plural()).put("singularName", t.singular()).put("namespaced", t.namespaced()).put("kind", t.kind());
                verbs(r, List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"));
                if (!t.shortNames().isEmpty()) {
                    ArrayNode sn = r.putArray("shortNames");
                    t.shortNames().forEach(sn::add);
                }
                if (!t.categories().isEmpty()) {
                    ArrayNode cs = r.putArray("categories");
                    t.categories().forEach(cs::add);
                }
                if (t.hasStatus()) {
                    ObjectNode s = rs.addObject();
                    s.put("name", t.plural() + "/status").put("singularName", "").put("namespaced", t.namespaced()).put("kind", t.kind());
                    verbs(s, List.of("get", "patch", "update"));
                }
                if (t == ResourceTypes.PODS) {
                    ObjectNode s = rs.addObject();
                    s.put("name", "pods/log").put("singularName", "").put("namespaced", true).put("kind", "Pod");
                    verbs(s, List.of("get"));
                }
            }
            docs.put(gv.contains("/") ? "/apis/" + gv : "/api/" + gv, Json.bytes(list));
        }
        openApi();
    }

    /**
     * A minimal OpenAPI v3 index and per-group-version documents: just the PATCH operations with their
     * group/version/kind and the {@code fieldValidation} parameter, which is what kubectl (apply, create -f)
     * inspects to choose server-side field validation instead of downloading full schemas.
     */
    private void openApi() {
        ObjectNode root = Json.object();
        ObjectNode paths = root.putObject("paths");
        for (String gv : ResourceTypes.groupVersions()) {
            String key = gv.contains("/") ? "apis/" + gv : "api/" + gv;
            paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + Integer.toHexString(gv.hashCode()).toUpperCase());
            ObjectNode doc = Json.object();
            doc.put("openapi", "3.0.0");
            doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
            ObjectNode dp = doc.putObject("paths");
            for (ResourceType t : ResourceTypes.ALL_TYPES) {
                if (!t.apiVersion().equals(gv)) {
                    continue;
                }
                String path = "/" + key + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural() + "/{name}";
                ObjectNode patch = dp.putObject(path).putObject("patch");
                patch.put("operationId", "patch" + t.kind());
                patch.putObject("x-kubernetes-group-version-kind").put("group", t.group()).put("version", t.version()).put("kind", t.kind());
                ArrayNode params = patch.putArray("parameters");
                for (String q : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
                    params.addObject().put("name", q).put("in", "query").putObject("schema").put("type", q.equals("force") ? "boolean" : "string");
                }
                patch.putObject("responses").putObject("200").put("description", "OK");
            }
            docs.put("/openapi/v3/" + key, Json.bytes(doc));
        }
        docs.put("/openapi/v3", Json.bytes(root));
    }

    private static ObjectNode group(String g, String gv) {
        ObjectNode group = Json.object();
        group.put("name", g);
        ObjectNode v = group.putArray("versions").addObject();
        v.put("groupVersion", gv).put("version", gv.substring(gv.indexOf('/') + 1));
        group.set("preferredVersion", v.deepCopy());
        return group;
    }

    private static void verbs(ObjectNode r, List<String> verbs) {
        ArrayNode a = r.putArray("verbs");
        verbs.forEach(a::add);
    }

    /** The document at a path, or null. */
    byte[] get(String path) {
        return docs.get(path);
    }
}
