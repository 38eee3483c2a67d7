package dev.pullfix.model.policy;

import java.util.List;
import java.util.Set;

/**
 * The answer for one request: the decision, the deciding statements (matching Deny statements for
 * EXPLICIT_DENY; the Allow statements that granted for ALLOW; the undecidable statements for UNKNOWN), a
 * reason code (bundle key, prefix {@code reason.}) with arguments, and for UNKNOWN the decisions still possible.
 */
public record EvaluationResult(Decision decision, List<StatementRef> statements, String reasonCode,
                               List<String> reasonArgs, Set<Decision> possible) {
    public EvaluationResult {
        statements = List.copyOf(statements);
        reasonArgs = List.copyOf(reasonArgs);
        possible = Set.copyOf(possible);
    }

    /** True when the request is certainly denied (explicitly or implicitly), even if UNKNOWN which way. */
    public boolean certainlyDenied() {
        return !possible.contains(Decision.ALLOW);
    }

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }
}
