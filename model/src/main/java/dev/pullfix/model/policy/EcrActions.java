package dev.pullfix.model.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The ECR action catalogue shipped in {@code dev/pullfix/aws/ecr-actions.json}: names and access levels. */
public final class EcrActions {
    /** Access level as the Service Authorization Reference classifies it. */
    public enum Access { READ, LIST, WRITE, PERMISSIONS_MANAGEMENT, TAGGING }

    /** One ECR action; {@code repositoryLevel} false when it only accepts {@code "*"} as resource. */
    public record Action(String name, Access access, boolean repositoryLevel) {
        public String qualified() {
            return "ecr:" + name;
        }

        /** Write, permissions-management or tagging: changes something. */
        public boolean mutating() {
            return access == Access.WRITE || access == Access.PERMISSIONS_MANAGEMENT || access == Access.TAGGING;
        }
    }

    private static volatile Map<String, Action> actions;

    private EcrActions() {
    }

    /** Looks up {@code ecr:Name} or {@code Name}, case-insensitively. */
    public static Optional<Action> find(String action) {
        String n = action.toLowerCase(Locale.ROOT);
        if (n.startsWith("ecr:")) {
            n = n.substring(4);
        }
        return Optional.ofNullable(load().get(n));
    }

    public static List<Action> all() {
        return List.copyOf(load().values());
    }

    /** All catalogue actions a pattern such as {@code ecr:Put*} or {@code *} covers. */
    public static List<Action> covered(String pattern) {
        return load().values().stream().filter(a -> Wildcards.actionMatches(pattern, a.qualified())).toList();
    }

    private static Map<String, Action> load() {
        Map<String, Action> m = actions;
        if (m != null) {
            return m;
        }
        synchronized (EcrActions.class) {
            if (actions == null) {
                try {
                    JsonNode doc = new ObjectMapper().readTree(ManagedPolicies.text("/dev/pullfix/aws/ecr-actions.json"));
                    Map<String, Action> out = new TreeMap<>();
                    for (JsonNode a : doc.get("actions")) {
                        Access access = Access.valueOf(a.get("access").asText().toUpperCase(Locale.ROOT).replace(' ', '_'));
                        out.put(a.get("name").asText().toLowerCase(Locale.ROOT),
                                new Action(a.get("name").asText(), access, !"*".equals(a.get("resource").asText())));
                    }
                    actions = Collections.unmodifiableMap(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return actions;
        }
    }
}
