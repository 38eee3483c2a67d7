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

    /** The write changes the workload's pod template, so its controller replaces the pods (a rollout). */
    public boolean replacesPods() {
        return this == IMAGE_TAG_CHANGE || this == IMAGE_REFERENCE_CHANGE || this == ADD_IMAGE_PULL_SECRET
                || this == ROLLOUT_RESTART;
    }
}
