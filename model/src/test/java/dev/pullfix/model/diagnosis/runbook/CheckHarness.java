package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import java.time.Clock;
import java.time.ZoneOffset;

/** Runs one check by id against a scenario's fakes, the way the engine does (for the check families' own tests). */
public final class CheckHarness {
    private CheckHarness() {
    }

    /** The facts of the scenario's pod, fetched on the test pool with the engine's ports. */
    public static Facts facts(Scenarios.World w) {
        DiagnosisEngine.Ports ports = new DiagnosisEngine.Ports(w.cluster(), w.aws(), w.registry(),
                new PolicyEvaluatorJudge(), Engines.CLASSIFIER);
        return new Facts(w.namespace(), w.pod(), ports, Engines.POOL, 5_000_000_000L, new CancelToken(),
                Clock.fixed(Scenarios.NOW, ZoneOffset.UTC), null);
    }

    /** The outcome of one check, a CouldNotCheckException turned into its outcome as the engine does. */
    public static CheckOutcome run(String checkId, Scenarios.World w) {
        Check check = Engines.CATALOG.checks().byId(checkId).orElseThrow(() -> new AssertionError("no check " + checkId));
        try {
            return check.run(facts(w));
        } catch (CouldNotCheckException e) {
            return CheckOutcome.couldNotCheck(e);
        }
    }
}
