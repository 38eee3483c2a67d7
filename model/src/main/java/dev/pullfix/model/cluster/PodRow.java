package dev.pullfix.model.cluster;

/**
 * One row of {@code kubectl get pods} as the API server renders it (its {@code Table}), with the pod's workload.
 *
 * @param namespace namespace
 * @param name      pod name
 * @param ready     the READY cell ({@code 1/1})
 * @param status    the STATUS cell ({@code ImagePullBackOff}, {@code Init:ErrImagePull}, {@code Running}, ...)
 * @param restarts  the RESTARTS cell ({@code 3} or {@code 3 (5m ago)})
 * @param age       the AGE cell ({@code 48d}, {@code <unknown>})
 * @param workload  the owning workload (the pod itself when bare), as the pod tree groups it
 */
public record PodRow(String namespace, String name, String ready, String status, String restarts, String age,
                     WorkloadRef workload) {
}
