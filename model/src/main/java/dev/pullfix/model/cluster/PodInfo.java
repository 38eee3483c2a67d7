package dev.pullfix.model.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One pod, compact: no fabric8 object and no JSON is kept.
 *
 * @param namespace       namespace
 * @param name            pod name
 * @param uid             pod uid
 * @param workload        the owning workload (the pod itself when bare)
 * @param phase           status.phase
 * @param status          the STATUS column kubectl prints (e.g. ImagePullBackOff, Init:ErrImagePull, Running)
 * @param node            spec.nodeName, or null when unscheduled
 * @param created         creationTimestamp
 * @param readyContainers ready containers (kubectl's READY numerator)
 * @param totalContainers containers counted by kubectl's READY denominator
 * @param restarts        restarts as kubectl counts them
 * @param lastRestart     when the last restart finished, or null
 * @param containers      init, regular and ephemeral containers, in spec order
 * @param failure         the pull failure marking this pod as failing, or null
 * @param failureMessage  the waiting message (or sandbox event message) behind {@code failure}, or null
 * @param resourceVersion metadata.resourceVersion
 */
public record PodInfo(String namespace, String name, String uid, WorkloadRef workload, String phase, String status,
                      String node, Instant created, int readyContainers, int totalContainers, int restarts,
                      Instant lastRestart, List<ContainerInfo> containers, FailureReason failure,
                      String failureMessage, String resourceVersion) {

    public boolean failing() {
        return failure != null;
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }

    public String ready() {
        return readyContainers + "/" + totalContainers;
    }

    public PodInfo withWorkload(WorkloadRef ref) {
        return new PodInfo(namespace, name, uid, ref, phase, status, node, created, readyContainers, totalContainers,
                restarts, lastRestart, containers, failure, failureMessage, resourceVersion);
    }

    public PodInfo withFailure(FailureReason f, String message) {
        return new PodInfo(namespace, name, uid, workload, phase, status, node, created, readyContainers,
                totalContainers, restarts, lastRestart, containers, f, message, resourceVersion);
    }
}
