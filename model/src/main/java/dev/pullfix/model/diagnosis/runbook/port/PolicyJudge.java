package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/**
 * Evaluates IAM-style policies for one request, the way AWS does for the layer given (explicit deny wins, else an
 * allow, else implicit deny). Implemented over the policy model's evaluator. The engine calls it once per layer
 * (identity policies of a role, the repository policy, a VPC endpoint policy) so each step shows its own statement.
 */
public interface PolicyJudge {

    PolicyDecision judge(AccessQuestion question, List<PolicySource> policies);

    /** @param principalArn the role ARN as a principal ({@code arn:aws:iam::<acct>:role/<name>}) */
    record AccessQuestion(String principalArn, String action, String resourceArn) {
    }

    /** @param kind IDENTITY (principal implied), RESOURCE (repository policy), ENDPOINT (VPC endpoint policy) */
    record PolicySource(String name, Kind kind, String document) {
        public enum Kind { IDENTITY, RESOURCE, ENDPOINT }
    }

    record PolicyDecision(Decision decision, List<DecidingStatement> deciding) {
        public PolicyDecision {
            deciding = deciding == null ? List.of() : List.copyOf(deciding);
        }
    }

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, UNKNOWN }

    /** @param json the statement as JSON text */
    record DecidingStatement(String policyName, String sid, String effect, String json) {
    }
}
