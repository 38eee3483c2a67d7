package dev.pullfix.model.diagnosis.runbook;

import java.time.Duration;
import java.util.List;

/**
 * One step as walked: which runbook and step, the commands with placeholders filled, the outcome, how long the
 * check took.
 */
public record StepResult(String runbookId, Runbook.Step step, List<String> commands, CheckOutcome outcome,
                         Duration took) {
    public StepResult {
        commands = List.copyOf(commands);
    }

    public Verdict verdict() {
        return outcome.verdict();
    }
}
