package dev.pullfix.model.lab.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kinds the lab API server serves, looked up by id, by group/version/plural or by apiVersion/kind. */
public final class ResourceTypes {
    private static final List<String> NONE = List.of();
    private static final List<String> ALL = List.of("all");

    public static final ResourceType NAMESPACES = new ResourceType("", "v1", "namespaces", "namespace", "Namespace", false,
            List.of("ns"), NONE, true, false, List.of("status.phase"), Printers.NAMESPACE);
    public static final ResourceType PODS = new ResourceType("", "v1", "pods", "pod", "Pod", true, List.of("po"), ALL,
            true, false, List.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"), Printers.POD);
    public static final ResourceType EVENTS = new ResourceType("", "v1", "events", "event", "Event", true, List.of("ev"),
            NONE, false, false, List.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
            "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "source", "type"), Printers.EVENT);
    public static final ResourceType SECRETS = new ResourceType("", "v1", "secrets", "secret", "Secret", true, NONE, NONE,
            false, false, List.of("type"), Printers.SECRET);
    public static final ResourceType SERVICEACCOUNTS = new ResourceType("", "v1", "serviceaccounts", "serviceaccount",
            "ServiceAccount", true, List.of("sa"), NONE, false, false, NONE, Printers.SERVICEACCOUNT);
    public static final ResourceType NODES = new ResourceType("", "v1", "nodes", "node", "Node", false, List.of("no"), NONE,
            true, false, List.of("spec.unschedulable"), Printers.NODE);
    public static final ResourceType CONFIGMAPS = new ResourceType("", "v1", "configmaps", "configmap", "ConfigMap", true,
            List.of("cm"), NONE, false, false, NONE, Printers.CONFIGMAP);
    public static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "deployment", "Deployment",
            true, List.of("deploy"), ALL, true, true, NONE, Printers.DEPLOYMENT);
    public static final ResourceType REPLICASETS = new ResourceType("apps", "v1", "replicasets", "replicaset", "ReplicaSet",
            true, List.of("rs"), ALL, true, true, List.of("status.replicas"), Printers.REPLICASET);
    public static final ResourceType STATEFULSETS = new ResourceType("apps", "v1", "statefulsets", "statefulset",
            "StatefulSet", true, List.of("sts"), ALL, true, true, NONE, Printers.STATEFULSET);
    public static final ResourceType DAEMONSETS = new ResourceType("apps", "v1", "daemonsets", "daemonset", "DaemonSet",
            true, List.of("ds"), ALL, true, true, NONE, Printers.DAEMONSET);
    public static final ResourceType JOBS = new ResourceType("batch", "v1", "jobs", "job", "Job", true, NONE, ALL, true,
            true, List.of("status.successful"), Printers.JOB);
    public static final ResourceType CRONJOBS = new ResourceType("batch", "v1", "cronjobs", "cronjob", "CronJob", true,
            List.of("cj"), ALL, true, true, NONE, Printers.CRONJOB);
    public static final ResourceType EVENTS_V1 = new ResourceType("events.k8s.io", "v1", "events", "event", "Event", true,
            List.of("ev"), NONE, false, false, List.of("regarding.kind", "regarding.namespace", "regarding.name",
            "regarding.uid", "reason", "type", "reportingController"), Printers.EVENT_V1);

    public static final List<ResourceType> ALL_TYPES = List.of(NAMESPACES, PODS, EVENTS, SECRETS, SERVICEACCOUNTS, NODES,
            CONFIGMAPS, DEPLOYMENTS, REPLICASETS, STATEFULSETS, DAEMONSETS, JOBS, CRONJOBS, EVENTS_V1);

    private static final Map<String, ResourceType> BY_PATH = new LinkedHashMap<>();
    private static final Map<String, ResourceType> BY_KIND = new LinkedHashMap<>();
    private static final Map<String, ResourceType> BY_ID = new LinkedHashMap<>();

    static {
        for (ResourceType t : ALL_TYPES) {
            BY_PATH.put(t.apiVersion() + "/" + t.plural(), t);
            BY_KIND.put(t.apiVersion() + "/" + t.kind(), t);
            BY_ID.put(t.id(), t);
        }
    }

    private ResourceTypes() {
    }

    /** By {@code apiVersion} and plural, e.g. ("apps/v1", "deployments"). */
    public static Optional<ResourceType> byPath(String apiVersion, String plural) {
        return Optional.ofNullable(BY_PATH.get(apiVersion + "/" + plural));
    }

    /** By {@code apiVersion} and kind, e.g. ("v1", "Pod"). */
    public static Optional<ResourceType> byKind(String apiVersion, String kind) {
        return Optional.ofNullable(BY_KIND.get(apiVersion + "/" + kind));
    }

    /** By id: {@code pods}, {@code deployments.apps}. */
    public static ResourceType byId(String id) {
        ResourceType t = BY_ID.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown resource: " + id);
        }
        return t;
    }

    static List<String> groupVersions() {
        return ALL_TYPES.stream().map(ResourceType::apiVersion).distinct().toList();
    }
}
