package dev.pullfix.model.diagnosis.runbook;

/** Kinds of fix the runbooks propose; the fix package's write path turns a plan into a command object. */
public enum FixKind {
    ECR_POLICY_EDIT,
    IMAGE_TAG_CHANGE,
    IMAGE_REFERENCE_CHANGE,
    CREATE_PULL_SECRET,
    ADD_IMAGE_PULL_SECRET,
    NODE_ROLE_ATTACH_POLICY,
    VPC_ENDPOINT_POLICY_EDIT,
    VPC_ENDPOINT_CREATE,
    ROLLOUT_RESTART,
    MANUAL;

    /**
     * The write changes (or may change) the workload's pod template, so its controller replaces the pods (a rollout).
     * A new pull secret counts: its plan also names it in the template when the pod does not reference it yet. Where
     * it does not, the old pods stay, and only their recovery (not their failure) decides the proof.
     */
    public boolean replacesPods() {
        return this == IMAGE_TAG_CHANGE || this == IMAGE_REFERENCE_CHANGE || this == ADD_IMAGE_PULL_SECRET
                || this == CREATE_PULL_SECRET || this == ROLLOUT_RESTART;
    }
}
