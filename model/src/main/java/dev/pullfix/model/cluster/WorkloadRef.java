package dev.pullfix.model.cluster;

/**
 * The workload that owns a pod: Deployment (through its ReplicaSet), ReplicaSet, StatefulSet, DaemonSet,
 * CronJob (through its Job), Job, ReplicationController, another controller kind, or the pod itself
 * (kind {@code Pod}) when it has no owner. One name for the concept in the pod tree, the diagnosis ports and the
 * fix proposals.
 */
public record WorkloadRef(String kind, String name) implements Comparable<WorkloadRef> {

    public static final String DEPLOYMENT = "Deployment";
    public static final String REPLICA_SET = "ReplicaSet";
    public static final String STATEFUL_SET = "StatefulSet";
    public static final String DAEMON_SET = "DaemonSet";
    public static final String JOB = "Job";
    public static final String CRON_JOB = "CronJob";
    public static final String POD = "Pod";

    public boolean isBarePod() {
        return POD.equals(kind);
    }

    /** True for kinds that {@code kubectl rollout restart} accepts. */
    public boolean restartable() {
        return DEPLOYMENT.equals(kind) || STATEFUL_SET.equals(kind) || DAEMON_SET.equals(kind);
    }

    /** kubectl resource name, e.g. {@code deployment}. */
    public String resource() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }

    /** The API group/version that serves this kind ({@code apps/v1}, {@code batch/v1}, {@code v1}). */
    public String apiVersion() {
        return switch (kind) {
            case DEPLOYMENT, STATEFUL_SET, DAEMON_SET, REPLICA_SET -> "apps/v1";
            case JOB, CRON_JOB -> "batch/v1";
            default -> "v1";
        };
    }

    @Override
    public int compareTo(WorkloadRef o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
