package dev.pullfix.model.diagnosis.runbook;

/** Told about progress from the engine's threads; front ends marshal to their own thread. */
public interface ProgressListener {
    /** A live check finished (in any order: checks run concurrently). */
    default void checkFinished(String checkId, Verdict verdict) {
    }

    /** The walk reached and settled a step, in flow order. */
    default void stepDone(StepResult step) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
