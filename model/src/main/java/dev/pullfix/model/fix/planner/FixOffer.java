package dev.pullfix.model.fix.planner;

import dev.pullfix.model.diagnosis.runbook.FixProposal;
import java.util.List;

/**
 * A proposal as the user can act on it: the inputs it needs, and whether Pullfix can write it (else it is a step
 * shown for a person to take).
 */
public record FixOffer(FixProposal proposal, List<FixInput> inputs) {
    public FixOffer {
        inputs = List.copyOf(inputs);
    }

    public boolean writable() {
        return proposal.writable();
    }
}
