package dev.pullfix.model.diagnosis.runbook;

/** The result of one step. */
public enum Verdict {
    /** Checked, nothing wrong here. */
    OK,
    /** Checked, this is (part of) the cause. */
    PROBLEM,
    /** Could not be checked; the outcome says why (a missing permission, a timeout, events gone, ...). */
    COULD_NOT_CHECK,
    /** Does not apply to this image (e.g. an ECR check for a Docker Hub image). */
    SKIPPED,
    /** An "after the fix" step: to be run once the fix is applied. */
    PENDING
}
