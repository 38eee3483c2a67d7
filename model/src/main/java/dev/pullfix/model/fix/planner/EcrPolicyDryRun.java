package dev.pullfix.model.fix.planner;

import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.PolicyLint;
import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import java.util.List;

/**
 * ECR offers no dry-run for SetRepositoryPolicy: the local check stands in for it. The policy must parse and lint
 * without errors, and must no longer deny the node role any action the kubelet needs from the repository.
 */
final class EcrPolicyDryRun {
    private EcrPolicyDryRun() {
    }

    static DryRun check(StateText proposed, FixProposal.EcrPolicyEdit e) {
        return check(proposed, e, Texts.english());
    }

    /** The check, its detail in the language of {@code texts}. */
    static DryRun check(StateText proposed, FixProposal.EcrPolicyEdit e, Texts texts) {
        String text = proposed.text().orElse("");
        PolicyLint.Report lint = PolicyLint.lint(text, PolicyLint.Target.RESOURCE);
        if (lint.hasErrors()) {
            return DryRun.failed(text(texts, "dryRun.ecrLintErrors", lint.findings().get(0).code()));
        }
        PolicyJudge judge = new PolicyEvaluatorJudge();
        List<PolicyJudge.PolicySource> policy = List.of(new PolicyJudge.PolicySource("repository policy",
                PolicyJudge.PolicySource.Kind.RESOURCE, text));
        try {
            for (String action : KubeletPull.repositoryActions()) {
                PolicyJudge.Decision d = judge.judge(new PolicyJudge.AccessQuestion(e.principal(), action,
                        e.repository().arn()), policy).decision();
                if (d == PolicyJudge.Decision.EXPLICIT_DENY) {
                    return DryRun.failed(text(texts, "dryRun.ecrStillDenies", action, e.principal()));
                }
            }
        } catch (InvalidPolicyException ex) {
            return DryRun.failed(text(texts, "dryRun.ecrUnparsable", ex.getMessage()));
        }
        return DryRun.passed(text(texts, "dryRun.ecrCheckedLocally"));
    }

    private static String text(Texts texts, String key, Object... args) {
        return texts.render(Message.of("fix", key, args));
    }
}
