package dev.pullfix.app.wizard;

import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import java.util.List;
import java.util.function.Consumer;

/** Turns a failing pod into the steps of its diagnosis. Cheap (no I/O): the steps' checks do the work. */
public interface DiagnosisPlanner {
    List<DiagnosisStep> plan(PodInfo pod);

    /**
     * A planner whose steps are only known by walking the diagnosis (the runbook engine follows a flow): the wizard
     * runs {@link #walk} in one task and shows each step as it settles.
     */
    interface Walking extends DiagnosisPlanner {

        /** Captured on the UI thread (cheap): what the walk will run against; null when it cannot start. */
        Object prepare(PodInfo pod);

        /**
         * Blocking, off the UI thread: walks the pod's diagnosis with what {@link #prepare} captured, telling
         * {@code stepDone} (from any thread) about each step in flow order; each step's check returns its result.
         */
        Walk walk(PodInfo pod, Object prepared, CancelToken cancel, Consumer<DiagnosisStep> stepDone) throws Exception;
    }

    /**
     * A finished walk.
     *
     * @param conclusion the cause in words (the first problem found), or null when none was found
     * @param fixes      the fixes the diagnosis proposes, each with its button label
     */
    record Walk(List<DiagnosisStep> steps, StepResult conclusion, List<FixOffer> fixes, boolean cancelled) {
        public Walk {
            steps = List.copyOf(steps);
            fixes = List.copyOf(fixes);
        }
    }

    /** A fix the model proposes, with its display text. */
    record FixOffer(FixProposal proposal, String label) {
    }
}
