package dev.pullfix.model.aws;

import java.util.List;

/**
 * One answer of {@code iam:SimulatePrincipalPolicy}: AWS's own verdict on the identity side, shown beside the
 * local evaluator's, never instead of it.
 *
 * @param decision {@code allowed}, {@code explicitDeny} or {@code implicitDeny}
 */
public record SimulationResult(String action, String resource, String decision, List<MatchedStatement> matched,
                               List<String> missingContextValues, Boolean permissionsBoundaryAllows) {
    public SimulationResult {
        matched = List.copyOf(matched);
        missingContextValues = List.copyOf(missingContextValues);
    }

    public boolean allowed() {
        return "allowed".equals(decision);
    }

    /** A statement that decided, located in its policy by line and column (1-based, as IAM reports). */
    public record MatchedStatement(String sourcePolicyId, String sourcePolicyType, Integer startLine,
                                   Integer startColumn, Integer endLine, Integer endColumn) {
    }
}
