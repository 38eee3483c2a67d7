package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * What the lab API server checks and fills in when an object is created or replaced, as a real API server's
 * admission and validation do: kind and apiVersion against the URL's resource, the name (an RFC 1123 subdomain), the
 * containers of a pod or a pod template (name and image required), and the defaults of pods and namespaces.
 */
final class Admission {
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Admission() {
    }

    static void checkKind(ResourceType type, ObjectNode body) {
        String kind = body.path("kind").asText("");
        String apiVersion = body.path("apiVersion").asText("");
        if ((!kind.isEmpty() && !kind.equals(type.kind())) || (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion()))) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") does not match the expected API version ("
                    + type.apiVersion() + ")" + (kind.equals(type.kind()) ? "" : " or kind " + kind + " is not " + type.kind()));
        }
        body.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    }

    static void validate(ResourceType type, String name, ObjectNode body) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw ApiException.invalid(type, name, "metadata.name: Invalid value: \"" + name + "\": a lowercase RFC 1123 subdomain "
                    + "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
        JsonNode podSpec = type == ResourceTypes.PODS ? body.path("spec")
                : type.hasGeneration() && type != ResourceTypes.CRONJOBS ? body.path("spec").path("template").path("spec")
                : null;
        if (podSpec != null) {
            JsonNode cs = podSpec.path("containers");
            String prefix = type == ResourceTypes.PODS ? "spec" : "spec.template.spec";
            if (cs.size() == 0) {
                throw ApiException.invalid(type, name, prefix + ".containers: Required value");
            }
            for (int i = 0; i < cs.size(); i++) {
                if (cs.get(i).path("name").asText("").isEmpty()) {
                    throw ApiException.invalid(type, name, prefix + ".containers[" + i + "].name: Required value");
                }
                if (cs.get(i).path("image").asText("").isEmpty()) {
                    throw ApiException.invalid(type, name, prefix + ".containers[" + i + "].image: Required value");
                }
            }
        }
    }

    static void defaults(ResourceType type, ObjectNode body) {
        if (type == ResourceTypes.PODS && !body.has("status")) {
            body.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
        } else if (type == ResourceTypes.NAMESPACES) {
            if (!body.has("spec")) {
                body.putObject("spec").putArray("finalizers").add("kubernetes");
            }
            Json.obj(body, "status").put("phase", "Active");
            Json.obj(Json.obj(body, "metadata"), "labels").put("kubernetes.io/metadata.name", Json.str(body, "metadata", "name"));
        }
    }
}
