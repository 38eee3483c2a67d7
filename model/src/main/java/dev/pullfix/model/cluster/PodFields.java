package dev.pullfix.model.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The few fields of a pod that {@link PodInfos} reads, as {@link PodJson} fills them in one streaming pass
 * (everything else, managedFields included, is skipped). Short-lived and mutable: one per decoded pod.
 * A JSON {@code null} and a missing field are the same here, as they are to kubectl.
 */
final class PodFields {
    String kind;
    String namespace;
    String name;
    String uid;
    String resourceVersion;
    String creationTimestamp;
    boolean deleting;
    String podTemplateHash;
    final List<Owner> owners = new ArrayList<>(1);

    String nodeName;
    final List<Spec> initContainers = new ArrayList<>(0);
    final List<Spec> containers = new ArrayList<>(1);
    final List<Spec> ephemeralContainers = new ArrayList<>(0);

    String phase;
    String reason;
    final List<Condition> conditions = new ArrayList<>(5);
    final List<Status> initStatuses = new ArrayList<>(0);
    final List<Status> statuses = new ArrayList<>(1);
    final List<Status> ephemeralStatuses = new ArrayList<>(0);

    /** A Status object (a watch ERROR event) carries these at the top level. */
    int statusCode;
    String statusMessage;

    /** metadata.ownerReferences[]. */
    record Owner(String kind, String name, boolean controller) {
    }

    /** spec.(init|ephemeral)containers[]. */
    record Spec(String name, String image, String imagePullPolicy, String restartPolicy) {
    }

    /** status.conditions[]. */
    record Condition(String type, String status, String reason) {
    }

    /** A waiting or terminated state's details. */
    record Detail(String reason, String message, Integer exitCode, Integer signal, String finishedAt) {
    }

    /** status.*containerStatuses[]. */
    static final class Status {
        String name;
        int restartCount;
        boolean ready;
        boolean started;
        Detail waiting;
        boolean running;
        Detail terminated;
        /** lastState.terminated.finishedAt. */
        String lastFinishedAt;
    }
}
