package dev.pullfix.app.wizard;

import dev.pullfix.model.diagnosis.runbook.FixProposal;

/** A fix the model proposes, with its button text in the UI language. */
public record FixOffer(FixProposal proposal, String label) {
}
