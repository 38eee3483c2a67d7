package dev.pullfix.model.diagnosis.runbook.port;

/**
 * One container's spec image and current state.
 *
 * @param waitingReason  e.g. ErrImagePull, ImagePullBackOff, InvalidImageName; null when not waiting
 * @param waitingMessage the kubelet's message for the waiting state (holds the pull error for ErrImagePull)
 */
public record ContainerFacts(String name, String image, boolean init, boolean ready, String waitingReason,
                             String waitingMessage, int restarts) {

    /** True when the container waits because of its image. */
    public boolean pullFailing() {
        return waitingReason != null && (waitingReason.equals("ErrImagePull") || waitingReason.equals("ImagePullBackOff")
                || waitingReason.equals("InvalidImageName") || waitingReason.equals("ErrImageNeverPull")
                || waitingReason.equals("ErrImageInspect") || waitingReason.equals("RegistryUnavailable"));
    }
}
