/**
 * The fix planner: a diagnosis' typed {@link dev.pullfix.model.diagnosis.runbook.FixProposal}s plus the user's
 * {@link dev.pullfix.model.fix.planner.FixInputs} become {@link dev.pullfix.model.fix.FixPlan}s for the one write path.
 * Every front end (the wizard's fix buttons, {@code pullfix fix}) plans here and nowhere else. What lives here: offers,
 * inputs, plan building, the local stand-ins for dry-runs AWS does not offer. May not: write (only the write
 * path writes), JavaFX, terminal I/O, English sentences (messages are bundle codes in {@code fix}).
 */
package dev.pullfix.model.fix.planner;
