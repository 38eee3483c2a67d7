package dev.pullfix.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Principal or NotPrincipal element. {@code "*"} is {@link #anyone()}; otherwise values by type
 * ("AWS", "Service", "Federated", "CanonicalUser"), each a list as written.
 */
public record PrincipalSet(boolean anyone, Map<String, List<String>> byType) {
    public PrincipalSet {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byType.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byType = java.util.Collections.unmodifiableMap(copy);
    }

    public static PrincipalSet wildcard() {
        return new PrincipalSet(true, Map.of());
    }

    public List<String> values(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** All values of all types, flattened. */
    public List<String> allValues() {
        return byType.values().stream().flatMap(List::stream).toList();
    }
}
