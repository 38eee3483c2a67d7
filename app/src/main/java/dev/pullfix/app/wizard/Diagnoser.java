package dev.pullfix.app.wizard;

import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import java.util.function.Consumer;

/** What the wizard asks of the model: one pod's diagnosis, step by step ({@link RunbookDiagnoser} is the real one). */
public interface Diagnoser {

    /** Captured on the UI thread (cheap): what the diagnosis runs against; null when it cannot run (not connected). */
    Object prepare(PodInfo pod);

    /**
     * Blocking, off the UI thread: diagnoses the pod with what {@link #prepare} captured, telling {@code stepDone}
     * (from any thread) each step as it settles, in flow order.
     *
     * @param afterFix also run the "after the fix" steps (the pod is checked again after a write)
     */
    Diagnosis diagnose(PodInfo pod, Object prepared, boolean afterFix, CancelToken cancel,
                       Consumer<StepResult> stepDone) throws Exception;
}
