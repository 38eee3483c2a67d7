package dev.pullfix.app.policy;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.policy.PolicyDiff;
import dev.pullfix.model.policy.PolicyDocument;
import java.util.List;

/**
 * The statement-level summary above the side-by-side text ("statement `new policy`: Effect Deny → Allow"):
 * the model's {@link PolicyDiff} changes, rendered with the policy bundle.
 */
public final class StatementSummary {
    private final I18n i18n;

    public StatementSummary(I18n i18n) {
        this.i18n = i18n;
    }

    public List<String> summarize(PolicyDocument before, PolicyDocument after) {
        List<String> out = PolicyDiff.statements(before, after).stream()
                .map(c -> i18n.text("policy", c.code(), c.args().toArray())).toList();
        return out.isEmpty() ? List.of(i18n.t("policy.summary.none")) : out;
    }
}
