package dev.pullfix.model.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodEvents;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's {@link ClusterPort} over a fabric8 client (a real cluster through the user's kubeconfig, or the
 * lab API server). Reads only; never returns a credential (secrets give their type and registry hosts).
 */
public final class Fabric8ClusterPort implements ClusterPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    private final ClusterConnection conn;
    private final KubernetesClient client;
    private final String clusterName;

    public Fabric8ClusterPort(ClusterConnection conn, String clusterName) {
        this.conn = conn;
        this.client = conn.kubernetesClient();
        this.clusterName = clusterName;
    }

    @Override
    public Optional<String> clusterName() {
        return Optional.ofNullable(clusterName);
    }

    @Override
    public PodFacts pod(String namespace, String name) throws CouldNotCheckException {
        Pod p = call("get pods", () -> client.pods().inNamespace(namespace).withName(name).get());
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
        Node n = call("get nodes", () -> client.nodes().withName(name).get());
        if (n == null) {
            return Optional.empty();
        }
        return Optional.of(new NodeFacts(name, n.getMetadata().getLabels(), n.getSpec() == null ? null : n.getSpec().getProviderID()));
    }

    @Override
    public Optional<SecretFacts> secret(String namespace, String name) throws CouldNotCheckException {
        Secret s = call("get secrets", () -> client.secrets().inNamespace(namespace).withName(name).get());
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new SecretFacts(namespace, name, s.getType(), registries(s)));
    }

    /**
     * Both docker-registry secret types, listed by type (a field selector, so helm's large release secrets are not
     * fetched) and filtered again here; sorted by name.
     */
    @Override
    public List<SecretFacts> dockerConfigSecrets(String namespace) throws CouldNotCheckException {
        List<SecretFacts> out = new ArrayList<>();
        for (String type : List.of("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg")) {
            io.fabric8.kubernetes.api.model.SecretList list = call("list secrets",
                    () -> client.secrets().inNamespace(namespace).withField("type", type).list());
            if (list == null) {
                continue;
            }
            list.getItems().stream().filter(s -> type.equals(s.getType())).forEach(s ->
                    out.add(new SecretFacts(namespace, s.getMetadata().getName(), s.getType(), registries(s))));
        }
        out.sort(java.util.Comparator.comparing(SecretFacts::name));
        return out;
    }

    /**
     * The registry hosts a docker config secret holds credentials for; the credentials are only registered as
     * secrets (so no output shows them), never used.
     */
    static Set<String> registries(Secret s) {
        Set<String> hosts = new LinkedHashSet<>();
        Map<String, String> data = s.getData() == null ? Map.of() : s.getData();
        String raw = data.getOrDefault(".dockerconfigjson", data.get(".dockercfg"));
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
        ServiceAccount sa = call("get serviceaccounts", () -> client.serviceAccounts().inNamespace(namespace).withName(name).get());
        if (sa == null) {
            return Optional.empty();
        }
        List<String> secrets = sa.getImagePullSecrets() == null ? List.of()
                : sa.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
        Map<String, String> ann = sa.getMetadata().getAnnotations() == null ? Map.of() : sa.getMetadata().getAnnotations();
        return Optional.of(new ServiceAccountFacts(namespace, name, secrets, ann.get("eks.amazonaws.com/role-arn")));
    }

    @Override
    public List<PodFacts> workloadPods(String namespace, WorkloadRef workload) throws CouldNotCheckException {
        if (workload.kind().equals("Pod")) {
            Pod p = call("get pods", () -> client.pods().inNamespace(namespace).withName(workload.name()).get());
            return p == null ? List.of() : List.of(facts(p));
        }
        LabelSelector selector = call("get " + workload.resource() + "s", () -> switch (workload.kind()) {
            case "Deployment" -> sel(client.apps().deployments().inNamespace(namespace).withName(workload.name()).get());
            case "StatefulSet" -> sel(client.apps().statefulSets().inNamespace(namespace).withName(workload.name()).get());
            case "DaemonSet" -> sel(client.apps().daemonSets().inNamespace(namespace).withName(workload.name()).get());
            case "ReplicaSet" -> sel(client.apps().replicaSets().inNamespace(namespace).withName(workload.name()).get());
            default -> null;
        });
        if (selector == null || selector.getMatchLabels() == null) {
            return List.of();
        }
        PodList list = call("list pods", () -> client.pods().inNamespace(namespace).withLabels(selector.getMatchLabels()).list());
        return list.getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).map(Fabric8ClusterPort::facts).toList();
    }

    private static LabelSelector sel(io.fabric8.kubernetes.api.model.HasMetadata w) {
        if (w == null) {
            return null;
        }
        JsonNode n = JSON.valueToTree(w).path("spec").path("selector");
        return n.isMissingNode() ? null : JSON.convertValue(n, LabelSelector.class);
    }

    @Override
    public List<PodFacts> pods(String namespace) throws CouldNotCheckException {
        List<PodFacts> out = new ArrayList<>();
        String cont = null;
        do {
            String c = cont;
            PodList page = call("list pods", () -> (namespace == null ? client.pods().inAnyNamespace()
                    : client.pods().inNamespace(namespace)).list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                    .withLimit((long) PAGE).withContinue(c).build()));
            page.getItems().forEach(p -> out.add(facts(p)));
            cont = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (cont != null && !cont.isEmpty());
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

    static PodFacts facts(Pod p) {
        var meta = p.getMetadata();
        var spec = p.getSpec();
        var st = p.getStatus();
        Map<String, ContainerStatus> statuses = new HashMap<>();
        if (st != null) {
            for (List<ContainerStatus> l : List.of(nn(st.getContainerStatuses()), nn(st.getInitContainerStatuses()))) {
                l.forEach(cs -> statuses.put(cs.getName(), cs));
            }
        }
        List<ContainerFacts> containers = new ArrayList<>();
        if (spec != null) {
            for (Container c : nn(spec.getInitContainers())) {
                containers.add(container(c, true, statuses.get(c.getName())));
            }
            for (Container c : nn(spec.getContainers())) {
                containers.add(container(c, false, statuses.get(c.getName())));
            }
        }
        List<String> secrets = spec == null || spec.getImagePullSecrets() == null ? List.of()
                : spec.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
        return new PodFacts(meta.getNamespace(), meta.getName(), st == null ? null : st.getPhase(),
                spec == null ? null : spec.getNodeName(), spec == null ? null : spec.getServiceAccountName(), secrets,
                owner(p), containers, time(meta.getCreationTimestamp(), null));
    }

    private static ContainerFacts container(Container c, boolean init, ContainerStatus cs) {
        String reason = null;
        String message = null;
        boolean ready = false;
        int restarts = 0;
        if (cs != null) {
            ready = Boolean.TRUE.equals(cs.getReady());
            restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            if (cs.getState() != null && cs.getState().getWaiting() != null) {
                reason = cs.getState().getWaiting().getReason();
                message = cs.getState().getWaiting().getMessage();
            }
        }
        return new ContainerFacts(c.getName(), c.getImage(), init, ready, reason, message, restarts);
    }

    /** The owning workload, inferred from owner references and the pod-template-hash label (no extra calls). */
    static WorkloadRef owner(Pod p) {
        List<OwnerReference> refs = nn(p.getMetadata().getOwnerReferences());
        OwnerReference ctl = refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
                .orElse(refs.isEmpty() ? null : refs.get(0));
        if (ctl == null) {
            return new WorkloadRef("Pod", p.getMetadata().getName());
        }
        Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
        if ("ReplicaSet".equals(ctl.getKind())) {
            String hash = labels.get("pod-template-hash");
            if (hash != null && ctl.getName().endsWith("-" + hash)) {
                return new WorkloadRef("Deployment", ctl.getName().substring(0, ctl.getName().length() - hash.length() - 1));
            }
            return new WorkloadRef("ReplicaSet", ctl.getName());
        }
        if ("Job".equals(ctl.getKind()) && ctl.getName().matches(".+-\\d{8,}")) {
            return new WorkloadRef("CronJob", ctl.getName().substring(0, ctl.getName().lastIndexOf('-')));
        }
        return new WorkloadRef(ctl.getKind(), ctl.getName());
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
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
