package dev.pullfix.model.preflight;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.limits.InputKind;
import dev.pullfix.model.limits.InputProblem;
import dev.pullfix.model.limits.Inputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubernetes manifests (multi-document YAML or JSON, {@code kind: List} included) and lists every container
 * image of their pod templates. Objects of other kinds are skipped. The manifest input limits apply (size, aliases,
 * nesting), as for every file Pullfix reads.
 */
public final class ManifestReader {
    private static final ObjectMapper YAML = Inputs.yamlMapper(InputKind.MANIFEST);
    private static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
            "ReplicationController");

    private ManifestReader() {
    }

    /**
     * The images, in document and container order.
     *
     * @param source the file's name (or "stdin") for the problem's words
     * @throws InputProblem when the text is not YAML/JSON or breaks the input limits
     */
    public static List<PodTemplateImage> read(String text, String source) {
        Inputs.checkText(text, source, InputKind.MANIFEST);
        List<PodTemplateImage> out = new ArrayList<>();
        int doc = 0;
        try (JsonParser p = YAML.getFactory().createParser(text);
             MappingIterator<JsonNode> it = YAML.readValues(p, JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                doc++;
                if (n == null || n.isNull() || n.isMissingNode()) {
                    continue;
                }
                collect(n, doc, out);
            }
        } catch (JsonProcessingException e) {
            throw Inputs.describe(e, source, text);
        } catch (RuntimeException e) {
            // MappingIterator wraps the parser's failure in an unchecked exception
            if (e.getCause() instanceof JsonProcessingException j) {
                throw Inputs.describe(j, source, text);
            }
            throw e;
        } catch (IOException e) {
            throw new InputProblem(InputProblem.Code.NOT_READABLE, source, 0, 0, List.of(String.valueOf(e.getMessage())));
        }
        return out;
    }

    private static void collect(JsonNode n, int doc, List<PodTemplateImage> out) {
        String kind = n.path("kind").asText("");
        if (kind.equals("List") || kind.endsWith("List") && n.path("items").isArray()) {
            for (JsonNode item : n.path("items")) {
                collect(item, doc, out);
            }
            return;
        }
        JsonNode podSpec;
        if (kind.equals("Pod")) {
            podSpec = n.path("spec");
        } else if (kind.equals("CronJob")) {
            podSpec = n.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
        } else if (TEMPLATED.contains(kind)) {
            podSpec = n.path("spec").path("template").path("spec");
        } else {
            return;
        }
        String name = n.path("metadata").path("name").asText("");
        String ns = n.path("metadata").path("namespace").asText(null);
        List<String> secrets = new ArrayList<>();
        podSpec.path("imagePullSecrets").forEach(s -> secrets.add(s.path("name").asText()));
        String sa = podSpec.path("serviceAccountName").asText(podSpec.path("serviceAccount").asText(null));
        Map<String, String> selector = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> sel = podSpec.path("nodeSelector").fields();
        while (sel.hasNext()) {
            Map.Entry<String, JsonNode> e = sel.next();
            selector.put(e.getKey(), e.getValue().asText());
        }
        for (String group : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec.path(group)) {
                String image = c.path("image").asText("");
                if (!image.isEmpty()) {
                    out.add(new PodTemplateImage(kind, name, ns, c.path("name").asText(""), image, secrets, sa,
                            selector, doc));
                }
            }
        }
    }
}
