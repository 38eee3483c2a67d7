package dev.pullfix.model.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Converts decoded pods ({@link PodFields}) into compact {@link PodInfo}s, sharing repeated strings. */
final class PodInfos {

    private final Map<String, String> strings = new ConcurrentHashMap<>();

    String intern(String s) {
        if (s == null) {
            return null;
        }
        String prev = strings.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    /** The compact pod; null for an object without a name (a bookmark, a Status). */
    PodInfo from(PodFields pod) {
        if (pod == null || pod.name == null) {
            return null;
        }
        Map<String, PodFields.Status> initStatus = byName(pod.initStatuses);
        Map<String, PodFields.Status> status = byName(pod.statuses);
        Map<String, PodFields.Status> ephStatus = byName(pod.ephemeralStatuses);
        List<ContainerInfo> containers = new ArrayList<>(pod.initContainers.size() + pod.containers.size()
                + pod.ephemeralContainers.size());
        for (PodFields.Spec c : pod.initContainers) {
            containers.add(container(c, ContainerInfo.Kind.INIT, initStatus.get(c.name())));
        }
        for (PodFields.Spec c : pod.containers) {
            containers.add(container(c, ContainerInfo.Kind.REGULAR, status.get(c.name())));
        }
        for (PodFields.Spec c : pod.ephemeralContainers) {
            containers.add(container(c, ContainerInfo.Kind.EPHEMERAL, ephStatus.get(c.name())));
        }
        FailureReason failure = null;
        String failureMessage = null;
        for (ContainerInfo c : containers) {
            var f = c.failure();
            if (f.isPresent()) {
                failure = f.get();
                failureMessage = c.message();
                if (c.kind() != ContainerInfo.Kind.EPHEMERAL) {
                    break;
                }
            }
        }
        KubectlStatus ks = KubectlStatus.of(pod);
        return new PodInfo(intern(pod.namespace), pod.name, pod.uid, workload(pod),
                intern(pod.phase), intern(ks.reason()), intern(pod.nodeName),
                parseTime(pod.creationTimestamp), ks.ready(), ks.total(), ks.restarts(), ks.lastRestart(),
                List.copyOf(containers), failure, intern(failureMessage), pod.resourceVersion);
    }

    private ContainerInfo container(PodFields.Spec spec, ContainerInfo.Kind kind, PodFields.Status s) {
        ContainerInfo.State state = ContainerInfo.State.UNKNOWN;
        String reason = null;
        String message = null;
        int restarts = 0;
        boolean ready = false;
        if (s != null) {
            restarts = s.restartCount;
            ready = s.ready;
            if (s.waiting != null) {
                state = ContainerInfo.State.WAITING;
                reason = s.waiting.reason();
                message = s.waiting.message();
            } else if (s.running) {
                state = ContainerInfo.State.RUNNING;
            } else if (s.terminated != null) {
                state = ContainerInfo.State.TERMINATED;
                reason = s.terminated.reason();
                message = s.terminated.message();
            }
        }
        return new ContainerInfo(intern(spec.name()), kind, intern(spec.image()), intern(spec.imagePullPolicy()),
                state, intern(reason), intern(message), restarts, ready);
    }

    /** The owner as the tree groups it; ReplicaSets made by a Deployment become the Deployment. */
    WorkloadRef workload(PodFields pod) {
        PodFields.Owner owner = null;
        for (PodFields.Owner o : pod.owners) {
            if (o.controller()) {
                owner = o;
                break;
            }
            if (owner == null) {
                owner = o;
            }
        }
        if (owner == null || owner.kind() == null || owner.name() == null) {
            return new WorkloadRef(WorkloadRef.POD, pod.name);
        }
        String kind = intern(owner.kind());
        String name = owner.name();
        if (WorkloadRef.REPLICA_SET.equals(kind)) {
            String hash = pod.podTemplateHash;
            // the Deployment controller names its ReplicaSets <deployment>-<pod-template-hash>
            if (hash != null && !hash.isEmpty() && name.endsWith("-" + hash) && name.length() > hash.length() + 1) {
                return new WorkloadRef(WorkloadRef.DEPLOYMENT, intern(name.substring(0, name.length() - hash.length() - 1)));
            }
        }
        return new WorkloadRef(kind, intern(name));
    }

    static Instant parseTime(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static Map<String, PodFields.Status> byName(List<PodFields.Status> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<String, PodFields.Status> m = new HashMap<>();
        for (PodFields.Status s : list) {
            m.put(s.name, s);
        }
        return m;
    }

    /** kubectl's READY / STATUS / RESTARTS columns (printers.go printPod). */
    record KubectlStatus(String reason, int ready, int total, int restarts, Instant lastRestart) {

        static KubectlStatus of(PodFields pod) {
            int restarts = 0;
            int restartableInitRestarts = 0;
            int total = pod.containers.size();
            int ready = 0;
            Instant lastRestart = null;
            String reason = pod.phase == null ? "" : pod.phase;
            if (pod.reason != null && !pod.reason.isEmpty()) {
                reason = pod.reason;
            }
            for (PodFields.Condition c : pod.conditions) {
                if ("PodScheduled".equals(c.type()) && "SchedulingGated".equals(c.reason())) {
                    reason = "SchedulingGated";
                }
            }
            Map<String, PodFields.Spec> inits = new HashMap<>();
            for (PodFields.Spec c : pod.initContainers) {
                inits.put(c.name(), c);
                if ("Always".equals(c.restartPolicy())) {
                    total++;
                }
            }
            boolean initializing = false;
            List<PodFields.Status> initStatuses = pod.initStatuses;
            for (int i = 0; i < initStatuses.size(); i++) {
                PodFields.Status c = initStatuses.get(i);
                int rc = c.restartCount;
                restarts += rc;
                lastRestart = later(lastRestart, c);
                PodFields.Spec def = inits.get(c.name);
                boolean restartable = def != null && "Always".equals(def.restartPolicy());
                if (restartable) {
                    restartableInitRestarts += rc;
                }
                if (c.terminated != null && Integer.valueOf(0).equals(c.terminated.exitCode())) {
                    continue;
                }
                if (restartable && c.started) {
                    if (c.ready) {
                        ready++;
                    }
                    continue;
                }
                if (c.terminated != null) {
                    var t = c.terminated;
                    if (t.reason() == null || t.reason().isEmpty()) {
                        reason = t.signal() != null && t.signal() != 0 ? "Init:Signal:" + t.signal()
                                : "Init:ExitCode:" + t.exitCode();
                    } else {
                        reason = "Init:" + t.reason();
                    }
                } else if (c.waiting != null && c.waiting.reason() != null && !c.waiting.reason().isEmpty()
                        && !"PodInitializing".equals(c.waiting.reason())) {
                    reason = "Init:" + c.waiting.reason();
                } else {
                    reason = "Init:" + i + "/" + pod.initContainers.size();
                }
                initializing = true;
                break;
            }
            if (!initializing || conditionTrue(pod, "Initialized")) {
                restarts = restartableInitRestarts;
                boolean hasRunning = false;
                List<PodFields.Status> cs = pod.statuses;
                for (int i = cs.size() - 1; i >= 0; i--) {
                    PodFields.Status c = cs.get(i);
                    restarts += c.restartCount;
                    lastRestart = later(lastRestart, c);
                    if (c.waiting != null && c.waiting.reason() != null && !c.waiting.reason().isEmpty()) {
                        reason = c.waiting.reason();
                    } else if (c.terminated != null && c.terminated.reason() != null
                            && !c.terminated.reason().isEmpty()) {
                        reason = c.terminated.reason();
                    } else if (c.terminated != null) {
                        var t = c.terminated;
                        reason = t.signal() != null && t.signal() != 0 ? "Signal:" + t.signal()
                                : "ExitCode:" + t.exitCode();
                    } else if (c.ready && c.running) {
                        hasRunning = true;
                        ready++;
                    }
                }
                if ("Completed".equals(reason) && hasRunning) {
                    reason = conditionTrue(pod, "Ready") ? "Running" : "NotReady";
                }
            }
            String phase = pod.phase;
            if (pod.deleting && "NodeLost".equals(pod.reason)) {
                reason = "Unknown";
            } else if (pod.deleting && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                reason = "Terminating";
            }
            return new KubectlStatus(reason, ready, total, restarts, lastRestart);
        }

        private static Instant later(Instant current, PodFields.Status c) {
            if (c.lastFinishedAt == null) {
                return current;
            }
            Instant t = parseTime(c.lastFinishedAt);
            return t == null || (current != null && !current.isBefore(t)) ? current : t;
        }

        private static boolean conditionTrue(PodFields pod, String type) {
            for (PodFields.Condition c : pod.conditions) {
                if (type.equals(c.type())) {
                    return "True".equals(c.status());
                }
            }
            return false;
        }
    }
}
