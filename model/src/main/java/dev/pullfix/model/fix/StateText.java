package dev.pullfix.model.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;

/**
 * The state of a target as text (normally a JSON document), or absent (nothing there yet: no repository
 * policy, no secret). Comparison is semantic for JSON, so key order and whitespace never count as a change.
 */
public record StateText(Optional<String> text) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static StateText absent() {
        return new StateText(Optional.empty());
    }

    public static StateText of(String text) {
        return new StateText(Optional.ofNullable(text));
    }

    public boolean isAbsent() {
        return text.isEmpty();
    }

    /** Pretty-printed JSON (stable key order) when the text is JSON, the text as it is otherwise; "" when absent. */
    public String pretty() {
        if (text.isEmpty()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(text.get());
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.treeToValue(n, Object.class)) + "\n";
        } catch (JsonProcessingException e) {
            return text.get().endsWith("\n") ? text.get() : text.get() + "\n";
        }
    }

    /** Same state: both absent, equal JSON trees, or equal text. */
    public boolean sameAs(StateText other) {
        if (isAbsent() || other.isAbsent()) {
            return isAbsent() == other.isAbsent();
        }
        try {
            return JSON.readTree(text.get()).equals(JSON.readTree(other.text.get()));
        } catch (JsonProcessingException e) {
            return text.get().strip().equals(other.text.get().strip());
        }
    }
}
