package dev.pullfix.model.fix;

/**
 * What the user is shown before confirming: the state read now, the proposed state, their diff (secrets
 * masked), and the dry-run's answer.
 */
public record Preview(FixPlan plan, StateText current, StateText proposed, String diff, DryRun dryRun) {

    /** True when applying would change nothing. */
    public boolean isNoOp() {
        return current.sameAs(proposed);
    }
}
