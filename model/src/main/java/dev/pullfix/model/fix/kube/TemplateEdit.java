package dev.pullfix.model.fix.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.fix.FixException;
import java.time.Instant;

/** One change to a pod template ({@code {metadata, spec}}); returns a new tree, never edits the argument. */
public interface TemplateEdit {

    JsonNode apply(JsonNode template) throws FixException;

    String kind();

    /** {@code kubectl set image}: one container's image. Init containers are searched too. */
    static TemplateEdit setImage(String container, String image) {
        return new TemplateEdit() {
            @Override
            public JsonNode apply(JsonNode template) throws FixException {
                ObjectNode t = template.deepCopy();
                for (String list : new String[] {"containers", "initContainers"}) {
                    JsonNode cs = t.path("spec").path(list);
                    for (JsonNode c : cs) {
                        if (container.equals(c.path("name").asText())) {
                            ((ObjectNode) c).put("image", image);
                            return t;
                        }
                    }
                }
                throw new FixException("No container named '" + container + "' in the pod template.");
            }

            @Override
            public String kind() {
                return "IMAGE_TAG_CHANGE";
            }
        };
    }

    /** Adds a Secret to {@code spec.imagePullSecrets} (no duplicate). */
    static TemplateEdit addImagePullSecret(String secretName) {
        return new TemplateEdit() {
            @Override
            public JsonNode apply(JsonNode template) {
                ObjectNode t = template.deepCopy();
                ObjectNode spec = t.has("spec") && t.get("spec").isObject() ? (ObjectNode) t.get("spec") : t.putObject("spec");
                ArrayNode secrets = spec.has("imagePullSecrets") && spec.get("imagePullSecrets").isArray()
                        ? (ArrayNode) spec.get("imagePullSecrets") : spec.putArray("imagePullSecrets");
                for (JsonNode s : secrets) {
                    if (secretName.equals(s.path("name").asText())) {
                        return t;
                    }
                }
                secrets.addObject().put("name", secretName);
                return t;
            }

            @Override
            public String kind() {
                return "ADD_IMAGE_PULL_SECRET";
            }
        };
    }

    /** {@code kubectl rollout restart}: the {@code kubectl.kubernetes.io/restartedAt} template annotation. */
    static TemplateEdit restart(Instant at) {
        return new TemplateEdit() {
            @Override
            public JsonNode apply(JsonNode template) {
                ObjectNode t = template.deepCopy();
                ObjectNode meta = t.has("metadata") && t.get("metadata").isObject() ? (ObjectNode) t.get("metadata")
                        : t.putObject("metadata");
                ObjectNode ann = meta.has("annotations") && meta.get("annotations").isObject()
                        ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
                ann.put("kubectl.kubernetes.io/restartedAt", at.toString());
                return t;
            }

            @Override
            public String kind() {
                return "ROLLOUT_RESTART";
            }
        };
    }

    /** Puts a previous template back (undo). */
    static TemplateEdit replaceWith(JsonNode before, String kind) {
        return new TemplateEdit() {
            @Override
            public JsonNode apply(JsonNode template) {
                return before.deepCopy();
            }

            @Override
            public String kind() {
                return kind;
            }
        };
    }
}
