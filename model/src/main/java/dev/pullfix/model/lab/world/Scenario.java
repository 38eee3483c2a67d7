package dev.pullfix.model.lab.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One practice-lab scenario as read from {@code resources/.../dev/pullfix/lab/scenarios/<ID>.yaml}: the
 * Kubernetes objects, the AWS account's state, registries outside AWS, what is broken and what a diagnosis
 * should find. Immutable: {@link #aws()} and {@link #kubernetes()} hand out copies.
 *
 * @param id       S1..S10
 * @param titleEn  English title
 * @param titleJa  Japanese title
 * @param seed     the seed document the scenario replays, or null
 * @param broken   namespace, deployment (and podName, the first pod's name when given)
 * @param expect   cause (diagnosis cause code) and fix (FixKind name) for tests
 */
public record Scenario(String id, String titleEn, String titleJa, String seed, Broken broken, Expect expect,
                       ObjectNode awsTree, ObjectNode registriesTree, ArrayNode kubernetesTree) {

    public record Broken(String namespace, String deployment, String podName) {
    }

    /** The expected cause and fix kind, plus what a person types into the fix (fixedImage, secretServer, user, password). */
    public record Expect(String cause, String fix, java.util.Map<String, String> inputs) {
        public String input(String key) {
            return inputs.get(key);
        }
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String BASE = "/dev/pullfix/lab/scenarios/";
    /** The scenario ids in order. */
    public static final List<String> IDS = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");

    /** The title in {@code locale} (Japanese for ja, else English). */
    public String title(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? titleJa : titleEn;
    }

    /** A copy of the account state tree. */
    public ObjectNode aws() {
        return awsTree.deepCopy();
    }

    public ObjectNode registries() {
        return registriesTree.deepCopy();
    }

    public ArrayNode kubernetes() {
        return kubernetesTree.deepCopy();
    }

    /** Loads a built-in scenario by id (case-insensitive), or empty. */
    public static Optional<Scenario> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String norm = id.trim().toUpperCase(Locale.ROOT);
        if (!IDS.contains(norm)) {
            return Optional.empty();
        }
        try (InputStream in = Scenario.class.getResourceAsStream(BASE + norm + ".yaml")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(YAML.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("scenario " + norm + " cannot be read", e);
        }
    }

    /** Every built-in scenario present in resources, in id order. */
    public static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (String id : IDS) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** Reads a scenario from YAML text (tests, user-made scenarios). */
    public static Scenario parse(String yaml) {
        try {
            return parse(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    static Scenario parse(JsonNode n) {
        String id = req(n, "id").asText();
        JsonNode t = req(n, "title");
        JsonNode b = req(n, "broken");
        JsonNode e = n.path("expect");
        ObjectNode aws = n.path("aws").isObject() ? (ObjectNode) n.get("aws") : YAML.createObjectNode();
        ObjectNode regs = n.path("registries").isObject() ? (ObjectNode) n.get("registries") : YAML.createObjectNode();
        if (!n.path("kubernetes").isArray()) {
            throw new IllegalArgumentException("scenario " + id + ": kubernetes must be a list of objects");
        }
        return new Scenario(id, req(t, "en").asText(), req(t, "ja").asText(), n.path("seed").asText(null),
                new Broken(req(b, "namespace").asText(), req(b, "deployment").asText(), b.path("podName").asText(null)),
                new Expect(e.path("cause").asText(null), e.path("fix").asText(null), inputs(e)), aws, regs,
                (ArrayNode) n.get("kubernetes"));
    }

    private static java.util.Map<String, String> inputs(JsonNode e) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        e.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("cause") && !f.getKey().equals("fix")) {
                m.put(f.getKey(), f.getValue().asText());
            }
        });
        return java.util.Map.copyOf(m);
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("scenario: missing field " + field);
        }
        return v;
    }
}
