package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.policy.AccessRequest;
import dev.pullfix.model.policy.EvaluationResult;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicySet;
import dev.pullfix.model.policy.Statement;
import dev.pullfix.model.policy.StatementRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link PolicyJudge} over the policy model's evaluator (both pure): the production wiring. */
public final class PolicyEvaluatorJudge implements PolicyJudge {
    private final PolicyEvaluator evaluator;

    public PolicyEvaluatorJudge() {
        this(new PolicyEvaluator());
    }

    public PolicyEvaluatorJudge(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public PolicyDecision judge(AccessQuestion q, List<PolicySource> policies) {
        PolicySet.Builder set = PolicySet.builder();
        Map<String, PolicyDocument> docs = new HashMap<>();
        List<PolicyDocument> endpoints = new ArrayList<>();
        try {
            for (PolicySource p : policies) {
                PolicyDocument d = PolicyDocument.parse(p.document());
                docs.put(p.name(), d);
                switch (p.kind()) {
                    case IDENTITY -> set.identity(p.name(), d);
                    case RESOURCE -> set.resource(p.name(), d);
                    case ENDPOINT -> {
                        set.vpcEndpoint(p.name(), d);
                        endpoints.add(d);
                    }
                }
            }
        } catch (InvalidPolicyException e) {
            return new PolicyDecision(Decision.UNKNOWN, List.of());
        }
        EvaluationResult r = evaluator.evaluate(new AccessRequest(q.principalArn(), q.action(), q.resourceArn()),
                set.build());
        List<DecidingStatement> deciding = new ArrayList<>();
        for (StatementRef s : r.statements()) {
            deciding.add(new DecidingStatement(s.policyName(), s.label(), s.effect() == null ? null : s.effect().name(),
                    statementText(docs.get(s.policyName()), s)));
        }
        Decision d = switch (r.decision()) {
            case ALLOW -> Decision.ALLOW;
            case EXPLICIT_DENY -> Decision.EXPLICIT_DENY;
            case IMPLICIT_DENY -> Decision.IMPLICIT_DENY;
            case UNKNOWN -> Decision.UNKNOWN;
        };
        return new PolicyDecision(d, deciding);
    }

    private static String statementText(PolicyDocument doc, StatementRef ref) {
        if (doc == null || doc.text() == null || ref.span() == null) {
            return null;
        }
        int start = ref.span().startOffset();
        int end = ref.span().endOffset();
        if (start < 0 || end > doc.text().length() || start >= end) {
            return null;
        }
        return doc.text().substring(start, end);
    }

    static String label(Statement s) {
        return s.label();
    }
}
