package dev.pullfix.model.diagnosis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pullfix.model.image.RegistryKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The ordered rule table, loaded from YAML (default: {@code dev/pullfix/classifier/rules.yaml} in resources). */
public final class ClassifierRules {

    /** Classpath location of the built-in table. */
    public static final String DEFAULT_RESOURCE = "/dev/pullfix/classifier/rules.yaml";

    private static volatile ClassifierRules builtIn;

    private final List<ClassifierRule> rules;

    public ClassifierRules(List<ClassifierRule> rules) {
        Set<String> names = new HashSet<>();
        for (ClassifierRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate rule name: " + r.name());
            }
        }
        List<ClassifierRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(ClassifierRule::precedence)); // stable: file order breaks ties
        this.rules = List.copyOf(sorted);
    }

    /** The built-in table (loaded once). */
    public static ClassifierRules builtIn() {
        ClassifierRules r = builtIn;
        if (r == null) {
            try (InputStream in = ClassifierRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classifier rules not on the classpath: " + DEFAULT_RESOURCE);
                }
                r = load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = r;
        }
        return r;
    }

    /** Reads a YAML table: a list of rules (see {@link ClassifierRule} for the fields). */
    public static ClassifierRules load(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Spec> specs = mapper.readValue(yaml, new TypeReference<List<Spec>>() { });
        List<ClassifierRule> rules = new ArrayList<>();
        for (Spec s : specs) {
            rules.add(s.toRule());
        }
        return new ClassifierRules(rules);
    }

    /** Rules in evaluation order (precedence, then file order). */
    public List<ClassifierRule> rules() {
        return rules;
    }

    /** The first (most specific) rule matching the evidence, or null. */
    public ClassifierRule firstMatch(PullEvidence evidence) {
        for (ClassifierRule r : rules) {
            if (r.matches(evidence)) {
                return r;
            }
        }
        return null;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Spec(String name, PullFailureCategory category, Integer precedence, List<String> any, List<String> all,
                List<String> none, List<String> regex, List<RegistryKind> registry, List<Integer> status,
                Integer impliedStatus, String summary, List<String> checks, Boolean generic, String note) {

        ClassifierRule toRule() {
            if (name == null || category == null || precedence == null) {
                throw new IllegalArgumentException("rule needs name, category and precedence: " + name);
            }
            List<Pattern> patterns = new ArrayList<>();
            if (regex != null) {
                for (String r : regex) {
                    try {
                        patterns.add(Pattern.compile(r, Pattern.CASE_INSENSITIVE));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("rule " + name + ": bad regex " + r, e);
                    }
                }
            }
            return new ClassifierRule(name, category, precedence, any, all, none, patterns,
                    registry == null ? null : Set.copyOf(registry), status == null ? null : Set.copyOf(status),
                    impliedStatus, summary, checks, Boolean.TRUE.equals(generic));
        }
    }
}
