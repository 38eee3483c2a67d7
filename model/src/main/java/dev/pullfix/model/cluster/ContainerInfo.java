package dev.pullfix.model.cluster;

/**
 * One container of a pod, compact.
 *
 * @param name            container name
 * @param kind            init, regular or ephemeral
 * @param image           the image reference from the spec
 * @param imagePullPolicy Always / IfNotPresent / Never (null when unset in the spec)
 * @param state           waiting, running, terminated, or unknown (no status yet)
 * @param reason          the waiting (or terminated) reason, e.g. ImagePullBackOff; null if none
 * @param message         the waiting (or terminated) message; null if none
 * @param restartCount    restarts
 * @param ready           whether the container is ready
 */
public record ContainerInfo(String name, Kind kind, String image, String imagePullPolicy, State state,
                            String reason, String message, int restartCount, boolean ready) {

    public enum Kind { INIT, REGULAR, EPHEMERAL }

    public enum State { WAITING, RUNNING, TERMINATED, UNKNOWN }

    /** The pull failure this container shows, if any. */
    public java.util.Optional<FailureReason> failure() {
        return state == State.WAITING ? FailureReason.ofWaitingReason(reason) : java.util.Optional.empty();
    }
}
