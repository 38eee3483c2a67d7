package dev.pullfix.model.diagnosis.runbook.port;

/** A workload by kind and name: Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or Pod (bare pod). */
public record WorkloadRef(String kind, String name) {

    /** True for kinds that {@code kubectl rollout restart} accepts. */
    public boolean restartable() {
        return kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("DaemonSet");
    }

    /** kubectl resource name, e.g. {@code deployment}. */
    public String resource() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }
}
