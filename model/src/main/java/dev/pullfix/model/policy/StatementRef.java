package dev.pullfix.model.policy;

import java.util.List;

/**
 * A statement that decided (or could not decide) a request, with why. {@code reasonCode} is a key of the
 * {@code policy} bundle (prefix {@code why.}) and {@code reasonArgs} its arguments.
 *
 * @param index 0-based statement index within its policy document
 */
public record StatementRef(PolicyKind kind, String policyName, String sid, int index, Effect effect,
                           String reasonCode, List<String> reasonArgs, TextSpan span) {
    public StatementRef {
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** Sid if present, otherwise "#n" (1-based). */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "#" + (index + 1);
    }
}
