package dev.pullfix.model.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pullfix.model.diagnosis.checks.Checks;
import dev.pullfix.model.diagnosis.runbook.CheckRegistry;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.RunbookException;
import dev.pullfix.model.limits.InputProblem;
import java.nio.charset.StandardCharsets;

/** Any text as a runbook: a validated runbook, or a RunbookException / InputProblem, never another exception. */
class RunbookFuzzTest {

    private static final CheckRegistry CHECKS = Checks.all();

    @FuzzTest(maxDuration = "2m")
    void loadsOrRefuses(byte[] data) {
        try {
            RunbookCatalog.parse(new String(data, StandardCharsets.UTF_8), "fuzz.yaml", CHECKS);
        } catch (RunbookException | InputProblem expected) {
            // refused with its reasons
        }
    }
}
