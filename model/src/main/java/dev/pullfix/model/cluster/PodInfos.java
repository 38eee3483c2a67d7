package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Converts fabric8 pods into compact {@link PodInfo}s, sharing repeated strings. */
final class PodInfos {

    private final Map<String, String> strings = new ConcurrentHashMap<>();

    String intern(String s) {
        if (s == null) {
            return null;
        }
        String prev = strings.putIfAbsent(s, s);
        return prev == null ? s : prev;
    }

    PodInfo from(Pod pod) {
        var meta = pod.getMetadata();
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus st = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Map<String, ContainerStatus> initStatus = byName(st.getInitContainerStatuses());
        Map<String, ContainerStatus> status = byName(st.getContainerStatuses());
        Map<String, ContainerStatus> ephStatus = byName(st.getEphemeralContainerStatuses());
        List<ContainerInfo> containers = new ArrayList<>();
        for (Container c : nn(spec.getInitContainers())) {
            containers.add(container(c.getName(), ContainerInfo.Kind.INIT, c.getImage(), c.getImagePullPolicy(),
                    initStatus.get(c.getName())));
        }
        for (Container c : nn(spec.getContainers())) {
            containers.add(container(c.getName(), ContainerInfo.Kind.REGULAR, c.getImage(), c.getImagePullPolicy(),
                    status.get(c.getName())));
        }
        for (EphemeralContainer c : nn(spec.getEphemeralContainers())) {
            containers.add(container(c.getName(), ContainerInfo.Kind.EPHEMERAL, c.getImage(),
                    c.getImagePullPolicy(), ephStatus.get(c.getName())));
        }
        PullFailure failure = null;
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
        return new PodInfo(intern(meta.getNamespace()), meta.getName(), meta.getUid(), workload(pod),
                intern(st.getPhase()), intern(ks.reason()), intern(spec.getNodeName()),
                parseTime(meta.getCreationTimestamp()), ks.ready(), ks.total(), ks.restarts(), ks.lastRestart(),
                List.copyOf(containers), failure, intern(failureMessage), meta.getResourceVersion());
    }

    private ContainerInfo container(String name, ContainerInfo.Kind kind, String image, String policy,
                                    ContainerStatus s) {
        ContainerInfo.State state = ContainerInfo.State.UNKNOWN;
        String reason = null;
        String message = null;
        int restarts = 0;
        boolean ready = false;
        if (s != null) {
            restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
            ready = Boolean.TRUE.equals(s.getReady());
            ContainerState cs = s.getState();
            if (cs != null && cs.getWaiting() != null) {
                state = ContainerInfo.State.WAITING;
                reason = cs.getWaiting().getReason();
                message = cs.getWaiting().getMessage();
            } else if (cs != null && cs.getRunning() != null) {
                state = ContainerInfo.State.RUNNING;
            } else if (cs != null && cs.getTerminated() != null) {
                state = ContainerInfo.State.TERMINATED;
                reason = cs.getTerminated().getReason();
                message = cs.getTerminated().getMessage();
            }
        }
        return new ContainerInfo(intern(name), kind, intern(image), intern(policy), state, intern(reason),
                intern(message), restarts, ready);
    }

    /** The owner as the tree groups it; ReplicaSets made by a Deployment become the Deployment. */
    WorkloadRef workload(Pod pod) {
        var meta = pod.getMetadata();
        OwnerReference owner = null;
        for (OwnerReference o : nn(meta.getOwnerReferences())) {
            if (Boolean.TRUE.equals(o.getController())) {
                owner = o;
                break;
            }
            if (owner == null) {
                owner = o;
            }
        }
        if (owner == null || owner.getKind() == null || owner.getName() == null) {
            return new WorkloadRef(WorkloadRef.POD, meta.getName());
        }
        String kind = intern(owner.getKind());
        String name = owner.getName();
        if (WorkloadRef.REPLICA_SET.equals(kind)) {
            String hash = meta.getLabels() == null ? null : meta.getLabels().get("pod-template-hash");
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

    private static Map<String, ContainerStatus> byName(List<ContainerStatus> list) {
        if (list == null || list.isEmpty()) {
            return Map.of();
        }
        Map<String, ContainerStatus> m = new HashMap<>();
        for (ContainerStatus s : list) {
            m.put(s.getName(), s);
        }
        return m;
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** kubectl's READY / STATUS / RESTARTS columns (printers.go printPod). */
    record KubectlStatus(String reason, int ready, int total, int restarts, Instant lastRestart) {

        static KubectlStatus of(Pod pod) {
            PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
            PodStatus st = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
            int restarts = 0;
            int restartableInitRestarts = 0;
            int total = nn(spec.getContainers()).size();
            int ready = 0;
            Instant lastRestart = null;
            String reason = st.getPhase() == null ? "" : st.getPhase();
            if (st.getReason() != null && !st.getReason().isEmpty()) {
                reason = st.getReason();
            }
            for (PodCondition c : nn(st.getConditions())) {
                if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) {
                    reason = "SchedulingGated";
                }
            }
            Map<String, Container> inits = new HashMap<>();
            for (Container c : nn(spec.getInitContainers())) {
                inits.put(c.getName(), c);
                if ("Always".equals(c.getRestartPolicy())) {
                    total++;
                }
            }
            boolean initializing = false;
            List<ContainerStatus> initStatuses = nn(st.getInitContainerStatuses());
            for (int i = 0; i < initStatuses.size(); i++) {
                ContainerStatus c = initStatuses.get(i);
                int rc = c.getRestartCount() == null ? 0 : c.getRestartCount();
                restarts += rc;
                lastRestart = later(lastRestart, c);
                Container def = inits.get(c.getName());
                boolean restartable = def != null && "Always".equals(def.getRestartPolicy());
                if (restartable) {
                    restartableInitRestarts += rc;
                }
                ContainerState s = c.getState() == null ? new ContainerState() : c.getState();
                if (s.getTerminated() != null && Integer.valueOf(0).equals(s.getTerminated().getExitCode())) {
                    continue;
                }
                if (restartable && Boolean.TRUE.equals(c.getStarted())) {
                    if (Boolean.TRUE.equals(c.getReady())) {
                        ready++;
                    }
                    continue;
                }
                if (s.getTerminated() != null) {
                    var t = s.getTerminated();
                    if (t.getReason() == null || t.getReason().isEmpty()) {
                        reason = t.getSignal() != null && t.getSignal() != 0 ? "Init:Signal:" + t.getSignal()
                                : "Init:ExitCode:" + t.getExitCode();
                    } else {
                        reason = "Init:" + t.getReason();
                    }
                } else if (s.getWaiting() != null && s.getWaiting().getReason() != null
                        && !s.getWaiting().getReason().isEmpty()
                        && !"PodInitializing".equals(s.getWaiting().getReason())) {
                    reason = "Init:" + s.getWaiting().getReason();
                } else {
                    reason = "Init:" + i + "/" + nn(spec.getInitContainers()).size();
                }
                initializing = true;
                break;
            }
            if (!initializing || conditionTrue(st, "Initialized")) {
                restarts = restartableInitRestarts;
                boolean hasRunning = false;
                List<ContainerStatus> cs = nn(st.getContainerStatuses());
                for (int i = cs.size() - 1; i >= 0; i--) {
                    ContainerStatus c = cs.get(i);
                    restarts += c.getRestartCount() == null ? 0 : c.getRestartCount();
                    lastRestart = later(lastRestart, c);
                    ContainerState s = c.getState() == null ? new ContainerState() : c.getState();
                    if (s.getWaiting() != null && s.getWaiting().getReason() != null
                            && !s.getWaiting().getReason().isEmpty()) {
                        reason = s.getWaiting().getReason();
                    } else if (s.getTerminated() != null && s.getTerminated().getReason() != null
                            && !s.getTerminated().getReason().isEmpty()) {
                        reason = s.getTerminated().getReason();
                    } else if (s.getTerminated() != null) {
                        var t = s.getTerminated();
                        reason = t.getSignal() != null && t.getSignal() != 0 ? "Signal:" + t.getSignal()
                                : "ExitCode:" + t.getExitCode();
                    } else if (Boolean.TRUE.equals(c.getReady()) && s.getRunning() != null) {
                        hasRunning = true;
                        ready++;
                    }
                }
                if ("Completed".equals(reason) && hasRunning) {
                    reason = conditionTrue(st, "Ready") ? "Running" : "NotReady";
                }
            }
            String phase = st.getPhase();
            if (pod.getMetadata().getDeletionTimestamp() != null && "NodeLost".equals(st.getReason())) {
                reason = "Unknown";
            } else if (pod.getMetadata().getDeletionTimestamp() != null
                    && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                reason = "Terminating";
            }
            return new KubectlStatus(reason, ready, total, restarts, lastRestart);
        }

        private static Instant later(Instant current, ContainerStatus c) {
            if (c.getLastState() == null || c.getLastState().getTerminated() == null) {
                return current;
            }
            Instant t = parseTime(c.getLastState().getTerminated().getFinishedAt());
            return t == null || (current != null && !current.isBefore(t)) ? current : t;
        }

        private static boolean conditionTrue(PodStatus st, String type) {
            for (PodCondition c : nn(st.getConditions())) {
                if (type.equals(c.getType())) {
                    return "True".equals(c.getStatus());
                }
            }
            return false;
        }
    }
}
