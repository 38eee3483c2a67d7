package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;

/** One live, read-only check a runbook step names by id. */
@FunctionalInterface
public interface Check {
    CheckOutcome run(Facts facts) throws CouldNotCheckException;
}
