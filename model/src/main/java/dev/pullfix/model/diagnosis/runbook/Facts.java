package dev.pullfix.model.diagnosis.runbook;

import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.aws.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything a diagnosis reads, fetched at most once and concurrently: each fact is a task on the engine's executor,
 * keyed by name, with its own deadline. A check that needs a fact waits for that fact only, so a slow AWS call holds
 * up the AWS steps and nothing else. Cancelling the token cancels (and interrupts) every outstanding fetch.
 */
public final class Facts {
    /** A port call. */
    @FunctionalInterface
    public interface PortCall<T> {
        T call() throws CouldNotCheckException;
    }

    private record Task(FutureTask<Object> future, long deadlineNanos) {
    }

    /**
     * Fetches shared between the diagnoses of many pods (diagnose --all): keys name what they fetch globally
     * (namespace/pod, repository ARN, role name), so one repository policy is read once for all its pods.
     */
    public static final class SharedCache {
        private final Map<String, Task> tasks = new ConcurrentHashMap<>();
        private final Map<String, Object> answers = new ConcurrentHashMap<>();

        /** Puts an answer fetched in bulk (e.g. a pod from one pod list); keys as {@link Facts} uses them. */
        public void put(String key, Object value) {
            answers.put(key, value);
        }

        public int size() {
            return tasks.size() + answers.size();
        }
    }

    private final String namespace;
    private final String podName;
    private final DiagnosisEngine.Ports ports;
    private final Executor executor;
    private final long timeoutNanos;
    private final CancelToken cancel;
    private final Clock clock;
    private final Map<String, Task> memo;
    /** Answers fetched in bulk beforehand, keyed like the memo. */
    private final Map<String, Object> shared;
    private final boolean ownsMemo;

    Facts(String namespace, String podName, DiagnosisEngine.Ports ports, Executor executor, long timeoutNanos,
          CancelToken cancel, Clock clock, SharedCache cache) {
        this.namespace = namespace;
        this.podName = podName;
        this.ports = ports;
        this.executor = executor;
        this.timeoutNanos = timeoutNanos;
        this.cancel = cancel;
        this.clock = clock;
        this.ownsMemo = cache == null;
        this.memo = cache == null ? new ConcurrentHashMap<>() : cache.tasks;
        this.shared = cache == null ? Map.of() : cache.answers;
        cancel.onCancel(() -> memo.values().forEach(t -> t.future().cancel(true)));
    }

    public String namespace() {
        return namespace;
    }

    public String podName() {
        return podName;
    }

    public Clock clock() {
        return clock;
    }

    DiagnosisEngine.Ports ports() {
        return ports;
    }

    /** The policy judge the checks evaluate policies with (pure, no fetch). */
    public dev.pullfix.model.diagnosis.runbook.port.PolicyJudge judge() {
        return ports.judge();
    }

    /** Starts (once) and waits for a fact, up to its deadline. */
    @SuppressWarnings("unchecked")
    public <T> T fetch(String key, PortCall<T> call) throws CouldNotCheckException {
        if (shared.containsKey(key)) {
            Object v = shared.get(key);
            if (v instanceof CouldNotCheckException e) {
                throw e;
            }
            return (T) v;
        }
        Task task = start(key, call);
        return (T) await(key, task);
    }

    /** Starts a fetch without waiting for it. */
    public <T> void prefetch(String key, PortCall<T> call) {
        if (!shared.containsKey(key)) {
            start(key, call);
        }
    }

    private <T> Task start(String key, PortCall<T> call) {
        return memo.computeIfAbsent(key, k -> {
            FutureTask<Object> f = new FutureTask<>(() -> {
                if (cancel.isCancelled()) {
                    throw CouldNotCheckException.of(Reason.CANCELLED, null);
                }
                return call.call();
            });
            Task t = new Task(f, System.nanoTime() + timeoutNanos);
            if (cancel.isCancelled()) {
                f.cancel(false);
            } else {
                executor.execute(f);
            }
            return t;
        });
    }

    private Object await(String key, Task task) throws CouldNotCheckException {
        long wait = task.deadlineNanos() - System.nanoTime();
        try {
            return task.future().get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.future().cancel(true);
            throw CouldNotCheckException.of(Reason.TIMEOUT, key);
        } catch (CancellationException e) {
            throw CouldNotCheckException.of(cancel.isCancelled() ? Reason.CANCELLED : Reason.TIMEOUT, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CouldNotCheckException.of(Reason.CANCELLED, key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CouldNotCheckException c) {
                throw c;
            }
            // never echo an arbitrary exception message: it may carry secrets; the type is enough
            throw CouldNotCheckException.of(Reason.ERROR, key + ": " + e.getCause().getClass().getSimpleName());
        }
    }

    /** The value of a fact if it has already been fetched successfully (for filling command placeholders). */
    @SuppressWarnings("unchecked")
    <T> Optional<T> peek(String key) {
        if (shared.containsKey(key) && !(shared.get(key) instanceof CouldNotCheckException)) {
            return Optional.ofNullable((T) shared.get(key));
        }
        Task t = memo.get(key);
        if (t == null || !t.future().isDone() || t.future().isCancelled()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((T) t.future().get());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Stops the speculative fetches nobody waits for any more (not those shared with other pods' diagnoses). */
    void cancelAll() {
        if (ownsMemo) {
            memo.values().forEach(t -> t.future().cancel(true));
        }
    }

    static String podKey(String namespace, String pod) {
        return "pod:" + namespace + "/" + pod;
    }

    static String eventsKey(String namespace, String pod) {
        return "events:" + namespace + "/" + pod;
    }

    // ---------------------------------------------------------------- the facts the checks use

    public PodFacts pod() throws CouldNotCheckException {
        return fetch(podKey(namespace, podName), () -> ports.cluster().pod(namespace, podName));
    }

    public List<EventFacts> events() throws CouldNotCheckException {
        return fetch(eventsKey(namespace, podName), () -> ports.cluster().podEvents(namespace, podName));
    }

    /** The "Failed to pull image" events, newest last. */
    public List<EventFacts> pullFailureEvents() throws CouldNotCheckException {
        return events().stream().filter(EventFacts::isPullFailure)
                .sorted(Comparator.comparing(e -> e.lastSeen() == null ? java.time.Instant.EPOCH : e.lastSeen()))
                .toList();
    }

    /** The container the diagnosis is about: the first one failing to pull, else the first app container. */
    public ContainerFacts container() throws CouldNotCheckException {
        PodFacts p = pod();
        return p.containers().stream().filter(ContainerFacts::pullFailing).findFirst()
                .or(() -> p.containers().stream().filter(c -> !c.init()).findFirst())
                .or(() -> p.containers().stream().findFirst())
                .orElseThrow(() -> CouldNotCheckException.of(Reason.NOT_FOUND, "pod has no containers"));
    }

    /** The parsed image of {@link #container()}; NOT_SUPPORTED when the reference is malformed. */
    public ImageReference image() throws CouldNotCheckException {
        String text = container().image();
        try {
            return ImageReference.parse(text);
        } catch (InvalidImageReferenceException e) {
            throw CouldNotCheckException.of(Reason.NOT_SUPPORTED, "invalid image reference");
        }
    }

    public Registry registry() throws CouldNotCheckException {
        return image().registry();
    }

    /** The private ECR repository of the image, or empty for any other registry. */
    public Optional<EcrRepositoryRef> ecrRepository() throws CouldNotCheckException {
        ImageReference ref = image();
        Registry r = ref.registry();
        if (!r.isEcrPrivate()) {
            return Optional.empty();
        }
        return Optional.of(new EcrRepositoryRef(r.account(), r.region(), ref.repository(), r.partition()));
    }

    /**
     * The pull-failure category the kubelet reported: the newest "Failed to pull image" event, else the container's
     * waiting message (ErrImagePull keeps the error there). Empty when neither says anything.
     */
    public Optional<String> symptom() throws CouldNotCheckException {
        List<EventFacts> failures = pullFailureEvents();
        if (!failures.isEmpty()) {
            String msg = failures.get(failures.size() - 1).message();
            return Optional.of(ports.classifier().classify(msg).orElse("OTHER"));
        }
        return waitingMessageSymptom();
    }

    /** The category of the container's waiting message alone (ErrImagePull keeps the pull error there). */
    public Optional<String> waitingMessageSymptom() throws CouldNotCheckException {
        ContainerFacts c = container();
        String m = c.waitingMessage();
        if (m == null || m.isBlank() || m.startsWith("Back-off pulling image")) {
            return Optional.empty();
        }
        return ports.classifier().classify(m);
    }

    public Optional<NodeFacts> node() throws CouldNotCheckException {
        String n = pod().nodeName();
        if (n == null) {
            return Optional.empty();
        }
        return fetch("node:" + n, () -> ports.cluster().node(n));
    }

    public Optional<ServiceAccountFacts> serviceAccount() throws CouldNotCheckException {
        String sa = pod().serviceAccount();
        return fetch("sa:" + namespace + "/" + sa, () -> ports.cluster().serviceAccount(namespace, sa));
    }

    public Optional<SecretFacts> secret(String name) throws CouldNotCheckException {
        return fetch("secret:" + namespace + "/" + name, () -> ports.cluster().secret(namespace, name));
    }

    /** Every docker-registry secret of the pod's namespace, by name; never a credential. */
    public List<SecretFacts> dockerConfigSecrets() throws CouldNotCheckException {
        return fetch("secrets:" + namespace, () -> ports.cluster().dockerConfigSecrets(namespace));
    }

    /** The current pods of a workload (for "are the pods running now?"). */
    public List<PodFacts> workloadPods(dev.pullfix.model.cluster.WorkloadRef workload)
            throws CouldNotCheckException {
        return fetch("workloadPods:" + namespace + "/" + workload.kind() + "/" + workload.name(),
                () -> ports.cluster().workloadPods(namespace, workload));
    }

    public Optional<String> clusterName() {
        try {
            return fetch("cluster", () -> ports.cluster().clusterName());
        } catch (CouldNotCheckException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- AWS

    private void needAws() throws CouldNotCheckException {
        if (ports.aws() == null) {
            throw CouldNotCheckException.of(Reason.NO_CREDENTIALS, "no AWS account configured");
        }
    }

    public EcrImageLookup ecrImage(EcrRepositoryRef repo, String tagOrDigest) throws CouldNotCheckException {
        needAws();
        return fetch("ecr.image:" + repo.arn() + ":" + tagOrDigest, () -> ports.aws().describeImage(repo, tagOrDigest));
    }

    public Optional<String> repositoryPolicy(EcrRepositoryRef repo) throws CouldNotCheckException {
        needAws();
        return fetch("ecr.policy:" + repo.arn(), () -> ports.aws().repositoryPolicy(repo));
    }

    public Optional<RoleRef> nodeRole() throws CouldNotCheckException {
        needAws();
        Optional<NodeFacts> node = node();
        if (node.isEmpty()) {
            throw CouldNotCheckException.of(Reason.NOT_FOUND, "the pod has no node");
        }
        String cluster = clusterName().orElse(null);
        return fetch("nodeRole:" + node.get().name(), () -> ports.aws().nodeRole(node.get(), cluster));
    }

    public RolePolicies rolePolicies(String roleName) throws CouldNotCheckException {
        needAws();
        return fetch("rolePolicies:" + roleName, () -> ports.aws().rolePolicies(roleName));
    }

    public Optional<NodeNetwork> nodeNetwork() throws CouldNotCheckException {
        needAws();
        Optional<NodeFacts> node = node();
        if (node.isEmpty()) {
            throw CouldNotCheckException.of(Reason.NOT_FOUND, "the pod has no node");
        }
        return fetch("nodeNetwork:" + node.get().name(), () -> ports.aws().nodeNetwork(node.get()));
    }

    public List<VpcEndpointFacts> vpcEndpoints(String region, String vpcId) throws CouldNotCheckException {
        needAws();
        return fetch("vpce:" + region + "/" + vpcId, () -> ports.aws().vpcEndpoints(region, vpcId));
    }

    public ManifestProbe probe(List<String> pullSecrets) throws CouldNotCheckException {
        if (ports.registry() == null) {
            throw CouldNotCheckException.of(Reason.NOT_SUPPORTED, "no registry probe configured");
        }
        String image = container().image();
        String platform = nodePlatform().orElse(null);
        return fetch("probe:" + namespace + ":" + image + ":" + pullSecrets + ":" + platform,
                () -> ports.registry().probe(image, namespace, pullSecrets, platform));
    }

    /**
     * The node's platform from its labels ({@code kubernetes.io/os}/{@code kubernetes.io/arch}), e.g.
     * {@code linux/arm64}; empty when the pod is not scheduled or the node cannot be read.
     */
    public Optional<String> nodePlatform() {
        try {
            Optional<NodeFacts> n = node();
            if (n.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> l = n.get().labels();
            String arch = l.getOrDefault("kubernetes.io/arch", l.get("beta.kubernetes.io/arch"));
            String os = l.getOrDefault("kubernetes.io/os", l.getOrDefault("beta.kubernetes.io/os", "linux"));
            return arch == null ? Optional.empty() : Optional.of(os + "/" + arch);
        } catch (CouldNotCheckException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- placeholders

    /** Values for the {@code {placeholder}}s of commands, from the facts fetched so far (never waits). */
    Map<String, String> placeholders() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("namespace", namespace);
        m.put("pod", podName);
        Optional<PodFacts> pod = peek(podKey(namespace, podName));
        pod.ifPresent(p -> {
            m.put("workload", p.owner().name());
            m.put("workloadKind", p.owner().resource());
            m.put("serviceAccount", p.serviceAccount());
            if (p.nodeName() != null) {
                m.put("node", p.nodeName());
            }
            if (!p.imagePullSecrets().isEmpty()) {
                m.put("secret", p.imagePullSecrets().get(0));
            }
            try {
                ContainerFacts c = container();
                m.put("container", c.name());
                m.put("image", c.image());
                ImageReference.tryParse(c.image()).ifPresent(ref -> {
                    m.put("registry", ref.domain());
                    m.put("repository", ref.repository());
                    if (ref.tag() != null) {
                        m.put("tag", ref.tag());
                    }
                    if (ref.registry().isEcrPrivate()) {
                        m.put("account", ref.registry().account());
                        m.put("region", ref.registry().region());
                    }
                });
            } catch (CouldNotCheckException ignored) {
                // no container: leave the placeholders
            }
            if (p.nodeName() != null) {
                Optional<Optional<NodeFacts>> node = peek("node:" + p.nodeName());
                node.flatMap(x -> x).ifPresent(n -> {
                    n.nodegroup().ifPresent(g -> m.put("nodegroup", g));
                    n.instanceId().ifPresent(i -> m.put("instance", i));
                    if (!m.containsKey("region")) {
                        n.region().ifPresent(r -> m.put("region", r));
                    }
                });
                Optional<Optional<RoleRef>> role = peek("nodeRole:" + p.nodeName());
                role.flatMap(x -> x).ifPresent(r -> m.put("role", r.name()));
                Optional<Optional<NodeNetwork>> net = peek("nodeNetwork:" + p.nodeName());
                net.flatMap(x -> x).ifPresent(n -> {
                    m.put("vpc", n.vpcId());
                    m.put("subnet", n.subnetId());
                });
            }
        });
        Optional<Optional<String>> cluster = peek("cluster");
        cluster.flatMap(x -> x).ifPresent(c -> m.put("cluster", c));
        return m;
    }
}
