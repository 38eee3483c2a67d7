package dev.pullfix.model.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.KubeReads;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodEvents;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's {@link ClusterPort} over a cluster connection (a real cluster through the user's kubeconfig, or the
 * lab API server): each object is read as JSON through the connection's HTTP client ({@link KubeReads}) and only the
 * fields the runbooks use are taken, so a one-pod diagnosis never starts fabric8's typed object model. Reads only;
 * never returns a credential (secrets give their type and registry hosts).
 */
public final class Fabric8ClusterPort implements ClusterPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    private final ClusterConnection conn;
    private final KubeReads kube;
    private final String clusterName;

    public Fabric8ClusterPort(ClusterConnection conn, String clusterName) {
        this.conn = conn;
        this.kube = new KubeReads(conn);
        this.clusterName = clusterName;
    }

    @Override
    public Optional<String> clusterName() {
        return Optional.ofNullable(clusterName);
    }

    @Override
    public PodFacts pod(String namespace, String name) throws CouldNotCheckException {
        JsonNode p = call("get pods", () -> kube.get("v1", namespace, "pods", name));
        if (p == null) {
            throw CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_FOUND,
                    "pod " + namespace + "/" + name + " was not found");
        }
        return facts(p);
    }

    @Override
    public List<EventFacts> podEvents(String namespace, String podName) throws CouldNotCheckException {
        List<PodEvent> events = call("list events", () -> new PodEvents().load(conn, namespace, podName));
        List<EventFacts> out = new ArrayList<>();
        for (PodEvent e : events) {
            out.add(new EventFacts(namespace, "Pod", podName, e.type(), e.reason(), e.message(), Math.max(1, e.count()),
                    e.first(), e.last(), e.from()));
        }
        return out;
    }

    @Override
    public Optional<NodeFacts> node(String name) throws CouldNotCheckException {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        JsonNode n = call("get nodes", () -> kube.get("v1", null, "nodes", name));
        if (n == null) {
            return Optional.empty();
        }
        return Optional.of(new NodeFacts(name, strings(n.path("metadata").path("labels")),
                text(n.path("spec").path("providerID"))));
    }

    @Override
    public Optional<SecretFacts> secret(String namespace, String name) throws CouldNotCheckException {
        JsonNode s = call("get secrets", () -> kube.get("v1", namespace, "secrets", name));
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new SecretFacts(namespace, name, text(s.path("type")), registries(s)));
    }

    /**
     * Both docker-registry secret types, listed by type (a field selector, so helm's large release secrets are not
     * fetched) and filtered again here; sorted by name.
     */
    @Override
    public List<SecretFacts> dockerConfigSecrets(String namespace) throws CouldNotCheckException {
        List<SecretFacts> out = new ArrayList<>();
        for (String type : List.of("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg")) {
            call("list secrets", () -> {
                kube.list("v1", namespace, "secrets", "type=" + type, null, PAGE, s -> {
                    if (type.equals(text(s.path("type")))) {
                        out.add(new SecretFacts(namespace, text(s.path("metadata").path("name")), type, registries(s)));
                    }
                });
                return null;
            });
        }
        out.sort(java.util.Comparator.comparing(SecretFacts::name));
        return out;
    }

    /**
     * The registry hosts a docker config secret holds credentials for; the credentials are only registered as
     * secrets (so no output shows them), never used.
     */
    static Set<String> registries(JsonNode secret) {
        Set<String> hosts = new LinkedHashSet<>();
        JsonNode data = secret.path("data");
        String raw = text(data.has(".dockerconfigjson") ? data.path(".dockerconfigjson") : data.path(".dockercfg"));
        if (raw == null) {
            return hosts;
        }
        dev.pullfix.model.secret.Secrets.register(raw);
        try {
            JsonNode root = JSON.readTree(new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8));
            JsonNode auths = root.has("auths") ? root.get("auths") : root;
            auths.fieldNames().forEachRemaining(hosts::add);
            auths.forEach(entry -> List.of("password", "auth", "identitytoken", "registrytoken").forEach(k ->
                    dev.pullfix.model.secret.Secrets.register(entry.path(k).isTextual() ? entry.path(k).asText() : null)));
        } catch (Exception e) {
            // malformed: no hosts; the check reports the secret as unusable
        }
        return hosts;
    }

    @Override
    public Optional<ServiceAccountFacts> serviceAccount(String namespace, String name) throws CouldNotCheckException {
        JsonNode sa = call("get serviceaccounts", () -> kube.get("v1", namespace, "serviceaccounts", name));
        if (sa == null) {
            return Optional.empty();
        }
        return Optional.of(new ServiceAccountFacts(namespace, name, names(sa.path("imagePullSecrets")),
                text(sa.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn"))));
    }

    @Override
    public List<PodFacts> workloadPods(String namespace, WorkloadRef workload) throws CouldNotCheckException {
        if (workload.kind().equals("Pod")) {
            JsonNode p = call("get pods", () -> kube.get("v1", namespace, "pods", workload.name()));
            return p == null ? List.of() : List.of(facts(p));
        }
        String resource = switch (workload.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> workload.resource() + "s";
            default -> null;
        };
        if (resource == null) {
            return List.of();
        }
        JsonNode w = call("get " + resource, () -> kube.get("apps/v1", namespace, resource, workload.name()));
        JsonNode match = w == null ? null : w.path("spec").path("selector").get("matchLabels");
        if (match == null || !match.isObject() || match.isEmpty()) {
            return List.of();
        }
        StringBuilder selector = new StringBuilder();
        strings(match).forEach((k, v) -> selector.append(selector.length() == 0 ? "" : ",").append(k).append('=').append(v));
        List<PodFacts> out = new ArrayList<>();
        call("list pods", () -> {
            kube.list("v1", namespace, "pods", null, selector.toString(), PAGE, p -> {
                if (p.path("metadata").path("deletionTimestamp").isMissingNode()
                        || p.path("metadata").path("deletionTimestamp").isNull()) {
                    out.add(facts(p));
                }
            });
            return null;
        });
        return out;
    }

    @Override
    public List<PodFacts> pods(String namespace) throws CouldNotCheckException {
        List<PodFacts> out = new ArrayList<>();
        call("list pods", () -> {
            kube.list("v1", namespace, "pods", null, null, PAGE, p -> out.add(facts(p)));
            return null;
        });
        return out;
    }

    @Override
    public List<EventFacts> events(String namespace) throws CouldNotCheckException {
        List<EventFacts> out = new ArrayList<>();
        // streamed and decoded in one pass (no fabric8 object per event): diagnose --all lists every event
        call("list events", () -> {
            PodEvents.forEach(conn, namespace, PAGE, (ns, kind, name, pe) -> out.add(new EventFacts(ns, kind, name,
                    pe.type(), pe.reason(), pe.message(), pe.count(), pe.first(), pe.last(), pe.from())));
            return null;
        });
        return out;
    }

    private static Instant time(String a, String b) {
        for (String s : new String[] {a, b}) {
            if (s != null && !s.isBlank()) {
                try {
                    return java.time.OffsetDateTime.parse(s).toInstant();
                } catch (RuntimeException ignored) {
                    // next
                }
            }
        }
        return null;
    }

    static PodFacts facts(JsonNode p) {
        JsonNode meta = p.path("metadata");
        JsonNode spec = p.path("spec");
        JsonNode st = p.path("status");
        Map<String, JsonNode> statuses = new HashMap<>();
        for (String key : List.of("containerStatuses", "initContainerStatuses")) {
            st.path(key).forEach(cs -> statuses.put(text(cs.path("name")), cs));
        }
        List<ContainerFacts> containers = new ArrayList<>();
        spec.path("initContainers").forEach(c -> containers.add(container(c, true, statuses.get(text(c.path("name"))))));
        spec.path("containers").forEach(c -> containers.add(container(c, false, statuses.get(text(c.path("name"))))));
        return new PodFacts(text(meta.path("namespace")), text(meta.path("name")), text(st.path("phase")),
                text(spec.path("nodeName")), text(spec.path("serviceAccountName")), names(spec.path("imagePullSecrets")),
                owner(p), containers, time(text(meta.path("creationTimestamp")), null));
    }

    private static ContainerFacts container(JsonNode c, boolean init, JsonNode cs) {
        String reason = null;
        String message = null;
        boolean ready = false;
        int restarts = 0;
        if (cs != null) {
            ready = cs.path("ready").asBoolean(false) && cs.path("ready").isBoolean();
            restarts = cs.path("restartCount").asInt(0);
            JsonNode waiting = cs.path("state").path("waiting");
            if (waiting.isObject()) {
                reason = text(waiting.path("reason"));
                message = text(waiting.path("message"));
            }
        }
        return new ContainerFacts(text(c.path("name")), text(c.path("image")), init, ready, reason, message, restarts);
    }

    /** The owning workload, inferred from owner references and the pod-template-hash label (no extra calls). */
    static WorkloadRef owner(JsonNode p) {
        JsonNode meta = p.path("metadata");
        JsonNode ctl = null;
        for (JsonNode r : meta.path("ownerReferences")) {
            if (r.path("controller").asBoolean(false) && r.path("controller").isBoolean()) {
                ctl = r;
                break;
            }
            if (ctl == null) {
                ctl = r;
            }
        }
        String name = text(meta.path("name"));
        if (ctl == null) {
            return new WorkloadRef("Pod", name);
        }
        String kind = text(ctl.path("kind"));
        String ctlName = text(ctl.path("name"));
        if ("ReplicaSet".equals(kind)) {
            String hash = text(meta.path("labels").path("pod-template-hash"));
            if (hash != null && ctlName != null && ctlName.endsWith("-" + hash)) {
                return new WorkloadRef("Deployment", ctlName.substring(0, ctlName.length() - hash.length() - 1));
            }
            return new WorkloadRef("ReplicaSet", ctlName);
        }
        if ("Job".equals(kind) && ctlName != null && ctlName.matches(".+-\\d{8,}")) {
            return new WorkloadRef("CronJob", ctlName.substring(0, ctlName.lastIndexOf('-')));
        }
        return new WorkloadRef(kind, ctlName);
    }

    /** A text field, or null when absent, null or not text. */
    static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** A string map (labels, annotations, matchLabels); empty when absent. */
    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                m.put(e.getKey(), e.getValue().asText());
            }
        });
        return m;
    }

    /** The {@code name}s of a list of local object references (imagePullSecrets). */
    private static List<String> names(JsonNode refs) {
        List<String> out = new ArrayList<>();
        refs.forEach(r -> out.add(text(r.path("name"))));
        return out;
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(String verb, Call<T> c) throws CouldNotCheckException {
        try {
            return c.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                throw CouldNotCheckException.accessDenied(verb, "the API server refused: " + verb);
            }
            if (e.getCode() == 404) {
                return null;
            }
            if (e.getCode() == 0 || e.getCause() instanceof java.io.IOException) {
                throw new CouldNotCheckException(CouldNotCheckException.Reason.UNREACHABLE, verb,
                        "the API server did not answer: " + e.getMessage());
            }
            throw new CouldNotCheckException(CouldNotCheckException.Reason.ERROR, verb, e.getMessage());
        } catch (dev.pullfix.model.cluster.ClusterError e) {
            throw new CouldNotCheckException(e.getMessage() != null && e.getMessage().contains("403")
                    ? CouldNotCheckException.Reason.ACCESS_DENIED : CouldNotCheckException.Reason.ERROR, verb, e.getMessage());
        }
    }
}
