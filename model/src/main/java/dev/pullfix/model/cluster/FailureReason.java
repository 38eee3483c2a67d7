package dev.pullfix.model.cluster;

import java.util.Optional;

/**
 * The kubelet reasons that mark a pod as failing to start because of its image or its sandbox (the classifier's verdict
 * on why is {@code diagnosis.PullFailure}).
 */
public enum FailureReason {
    ERR_IMAGE_PULL("ErrImagePull"),
    IMAGE_PULL_BACK_OFF("ImagePullBackOff"),
    INVALID_IMAGE_NAME("InvalidImageName"),
    ERR_IMAGE_NEVER_PULL("ErrImageNeverPull"),
    CREATE_CONTAINER_CONFIG_ERROR("CreateContainerConfigError"),
    /** Pending on a {@code FailedCreatePodSandBox} event (the pause image or the CNI). */
    FAILED_CREATE_POD_SANDBOX("FailedCreatePodSandBox");

    private final String reason;

    FailureReason(String reason) {
        this.reason = reason;
    }

    /** The reason as the kubelet writes it. */
    public String reason() {
        return reason;
    }

    /** The failure for a container waiting reason, if it is one. */
    public static Optional<FailureReason> ofWaitingReason(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (FailureReason f : values()) {
            if (f != FAILED_CREATE_POD_SANDBOX && f.reason.equals(reason)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
