package dev.pullfix.model.cluster;

/**
 * The workload that owns a pod: Deployment (through its ReplicaSet), ReplicaSet, StatefulSet, DaemonSet,
 * CronJob (through its Job), Job, ReplicationController, another controller kind, or the pod itself
 * (kind {@code Pod}) when it has no owner.
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
