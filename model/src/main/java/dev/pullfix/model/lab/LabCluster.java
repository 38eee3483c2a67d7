package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.Scenario;
import dev.pullfix.model.lab.world.LabWorld;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.lab.server.LabStore;
import dev.pullfix.model.lab.server.Patches;
import dev.pullfix.model.lab.server.ResourceTypes;
import dev.pullfix.model.lab.server.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The lab's controller and simulated kubelet over a {@link LabStore}. Driven by {@link #tick()} (the session
 * calls it every few real milliseconds):
 * <ul>
 * <li>Deployments: the pod template's hash names a ReplicaSet ({@code <deployment>-<hash>}) and its pods
 *     ({@code <deployment>-<hash>-<5 chars>}); a changed template (image, imagePullSecrets,
 *     {@code kubectl.kubernetes.io/restartedAt}) makes a new ReplicaSet and pods and removes the old pods;
 *     the deployment's status follows the pods' readiness (READY 0/1 → 1/1).</li>
 * <li>Kubelet: each waiting container is pulled with {@link PullDecider}; a failure writes ErrImagePull, then
 *     ImagePullBackOff with the kubelet's back-off (10 s doubling up to 300 s of lab time), and the events
 *     Pulling / Failed / Error: ErrImagePull / Error: ImagePullBackOff / BackOff, each one aggregated object
 *     with count, firstTimestamp and lastTimestamp; a success writes Pulled / Created / Started and Running,
 *     Ready.</li>
 * </ul>
 * Only the scenario's namespaces are reconciled; an extra scale population in other namespaces stays as generated.
 */
public final class LabCluster {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALNUM = "bcdfghjklmnpqrstvwxz2456789";
    private static final long BACKOFF_START_MS = 10_000;
    private static final long BACKOFF_MAX_MS = 300_000;

    private final LabStore store;
    private final LabWorld world;
    private final LabClock clock;
    private final PullDecider decider;
    private final Random random = new Random();
    private final Map<String, PodState> pods = new ConcurrentHashMap<>();
    private final Set<String> namespaces = new LinkedHashSet<>();
    private Scenario scenario;
    private boolean firstRollout;
    private Consumer<String> log = s -> { };

    /** Kubelet bookkeeping of one pod (single-container pulls; init containers are not simulated). */
    private static final class PodState {
        Instant nextAttempt;
        long backoffMs = BACKOFF_START_MS;
        boolean running;
        boolean inBackOff;
        Instant backOffAt;
    }

    public LabCluster(LabStore store, LabWorld world, LabClock clock) {
        this.store = store;
        this.world = world;
        this.clock = clock;
        this.decider = new PullDecider(world);
    }

    public void onLog(Consumer<String> l) {
        this.log = l;
    }

    /** Loads the scenario's nodes and objects (after {@link #clear()} on reset). */
    public synchronized void load(Scenario s) {
        this.scenario = s;
        this.firstRollout = true;
        for (ObjectNode i : world.instances()) {
            store.put(node(i));
        }
        if (world.instances().isEmpty()) {
            ObjectNode i = JSON.createObjectNode().put("id", "i-0e1f2a3b4c5d6e7f8")
                    .put("node", "ip-10-42-33-232." + world.region() + ".compute.internal").put("privateIp", "10.42.33.232");
            store.put(node(i));
        }
        for (JsonNode o : s.kubernetes()) {
            String ns = o.path("metadata").path("namespace").asText("default");
            if (!namespaces.contains(ns)) {
                namespaces.add(ns);
                if (store.get(ResourceTypes.NAMESPACES, null, ns).isEmpty()) {
                    store.put((ObjectNode) JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace")
                            .set("metadata", JSON.createObjectNode().put("name", ns)));
                }
            }
        }
        namespaces.add(s.broken().namespace());
        for (String ns : namespaces) {
            if (store.get(ResourceTypes.SERVICEACCOUNTS, ns, "default").isEmpty()) {
                store.put((ObjectNode) JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ServiceAccount")
                        .set("metadata", JSON.createObjectNode().put("name", "default").put("namespace", ns)));
            }
        }
        Instant created = clock.instant().minusSeconds(5);
        for (JsonNode o : s.kubernetes()) {
            ObjectNode copy = ((ObjectNode) o).deepCopy();
            ObjectNode meta = copy.with("metadata");
            if (!meta.has("namespace")) {
                meta.put("namespace", "default");
            }
            meta.put("creationTimestamp", created.toString());
            store.put(copy);
        }
    }

    /** Removes what the scenario and the user made in the scenario's namespaces (not the namespaces themselves). */
    public synchronized void clear() {
        pods.clear();
        for (String ns : namespaces) {
            for (var type : List.of(ResourceTypes.DEPLOYMENTS, ResourceTypes.REPLICASETS, ResourceTypes.PODS,
                    ResourceTypes.EVENTS, ResourceTypes.SECRETS, ResourceTypes.SERVICEACCOUNTS, ResourceTypes.CONFIGMAPS)) {
                for (StoredObject o : store.list(type, ns, null)) {
                    store.remove(type, ns, o.name());
                }
            }
        }
        namespaces.clear();
    }

    private ObjectNode node(ObjectNode i) {
        String name = i.path("node").asText();
        ObjectNode n = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Node");
        ObjectNode m = n.putObject("metadata").put("name", name);
        m.putObject("labels").put("kubernetes.io/hostname", name).put("kubernetes.io/os", "linux")
                .put("kubernetes.io/arch", "amd64").put("beta.kubernetes.io/arch", "amd64")
                .put("eks.amazonaws.com/nodegroup", i.path("nodegroup").asText("default"))
                .put("topology.kubernetes.io/region", world.region()).put("topology.kubernetes.io/zone", world.region() + "a")
                .put("node.kubernetes.io/instance-type", "m5.large");
        n.putObject("spec").put("providerID", "aws:///" + world.region() + "a/" + i.path("id").asText());
        ObjectNode st = n.putObject("status");
        st.putArray("conditions").addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
                .put("message", "kubelet is posting ready status");
        st.putArray("addresses").addObject().put("type", "InternalIP").put("address", i.path("privateIp").asText("10.42.33.232"));
        st.putObject("nodeInfo").put("kubeletVersion", "v1.30.4-eks-a737599").put("containerRuntimeVersion", "containerd://1.7.22")
                .put("osImage", "Amazon Linux 2023.5.20240916").put("architecture", "amd64").put("operatingSystem", "linux");
        return n;
    }

    private String nodeName() {
        List<ObjectNode> i = world.instances();
        return i.isEmpty() ? "ip-10-42-33-232." + world.region() + ".compute.internal" : i.get(0).path("node").asText();
    }

    // ------------------------------------------------------------------ the loop

    /** One round of controller and kubelet work. */
    public synchronized void tick() {
        if (scenario == null) {
            return;
        }
        for (String ns : namespaces) {
            for (StoredObject d : store.list(ResourceTypes.DEPLOYMENTS, ns, null)) {
                reconcile(d.toJson());
            }
        }
        for (String ns : namespaces) {
            for (StoredObject p : store.list(ResourceTypes.PODS, ns, null)) {
                kubelet(p.toJson());
            }
        }
        firstRollout = false;
    }

    static String templateHash(JsonNode template) {
        int h = 0x811c9dc5;
        for (byte b : template.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x01000193;
        }
        String dec = Long.toString(h & 0xffffffffL);
        StringBuilder sb = new StringBuilder();
        for (byte b : dec.getBytes(StandardCharsets.US_ASCII)) {
            sb.append(ALNUM.charAt(b % ALNUM.length()));
        }
        return sb.toString();
    }

    private String suffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    private void reconcile(ObjectNode d) {
        String ns = d.path("metadata").path("namespace").asText();
        String name = d.path("metadata").path("name").asText();
        JsonNode template = d.path("spec").path("template");
        String hash = templateHash(template);
        int replicas = d.path("spec").path("replicas").asInt(1);
        String given = scenario.broken().podName();
        String fixedSuffix = null;
        if (firstRollout && given != null && name.equals(scenario.broken().deployment()) && given.startsWith(name + "-")) {
            String rest = given.substring(name.length() + 1);
            int dash = rest.lastIndexOf('-');
            if (dash > 0) {
                hash = rest.substring(0, dash);
                fixedSuffix = rest.substring(dash + 1);
                d.with("metadata").with("annotations").put("pullfix.dev/lab-template-hash", templateHash(template) + "=" + hash);
                store.patchDirect(ResourceTypes.DEPLOYMENTS, ns, name, Patches.Type.MERGE, JSON.createObjectNode()
                        .set("metadata", JSON.createObjectNode().set("annotations", JSON.createObjectNode()
                                .put("pullfix.dev/lab-template-hash", templateHash(template) + "=" + hash))));
            }
        } else {
            String alias = d.path("metadata").path("annotations").path("pullfix.dev/lab-template-hash").asText("");
            if (alias.startsWith(hash + "=")) {
                hash = alias.substring(hash.length() + 1);
            }
        }
        String rsName = name + "-" + hash;
        int revision = d.path("metadata").path("annotations").path("deployment.kubernetes.io/revision").asInt(0);
        boolean newRs = store.get(ResourceTypes.REPLICASETS, ns, rsName).isEmpty();
        if (newRs) {
            revision++;
            ObjectNode rs = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
            ObjectNode m = rs.putObject("metadata").put("name", rsName).put("namespace", ns);
            ObjectNode labels = ((ObjectNode) template.path("metadata").path("labels")).deepCopy();
            labels.put("pod-template-hash", hash);
            m.set("labels", labels);
            m.putObject("annotations").put("deployment.kubernetes.io/revision", String.valueOf(revision))
                    .put("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas));
            m.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "Deployment").put("name", name)
                    .put("uid", d.path("metadata").path("uid").asText()).put("controller", true).put("blockOwnerDeletion", true);
            ObjectNode spec = rs.putObject("spec").put("replicas", replicas);
            ObjectNode sel = ((ObjectNode) d.path("spec").path("selector")).deepCopy();
            sel.with("matchLabels").put("pod-template-hash", hash);
            spec.set("selector", sel);
            ObjectNode tpl = ((ObjectNode) template).deepCopy();
            tpl.with("metadata").set("labels", labels.deepCopy());
            spec.set("template", tpl);
            rs.putObject("status").put("replicas", 0);
            store.put(rs);
            store.patchDirect(ResourceTypes.DEPLOYMENTS, ns, name, Patches.Type.MERGE, JSON.createObjectNode().set("metadata",
                    JSON.createObjectNode().set("annotations", JSON.createObjectNode()
                            .put("deployment.kubernetes.io/revision", String.valueOf(revision)))));
            // old ReplicaSets scale to zero, their pods go
            for (StoredObject old : store.list(ResourceTypes.REPLICASETS, ns, null)) {
                JsonNode own = old.toJson().path("metadata").path("ownerReferences").path(0);
                if (!old.name().equals(rsName) && own.path("name").asText().equals(name)) {
                    store.patchDirect(ResourceTypes.REPLICASETS, ns, old.name(), Patches.Type.MERGE,
                            json("{\"spec\":{\"replicas\":0},\"status\":{\"replicas\":0,\"readyReplicas\":0,\"availableReplicas\":0}}"));
                    for (StoredObject p : store.list(ResourceTypes.PODS, ns, null)) {
                        if (p.toJson().path("metadata").path("ownerReferences").path(0).path("name").asText().equals(old.name())) {
                            store.remove(ResourceTypes.PODS, ns, p.name());
                            pods.remove(ns + "/" + p.name());
                        }
                    }
                }
            }
            log.accept("deployment " + ns + "/" + name + ": new ReplicaSet " + rsName);
        }
        StoredObject rsObj = store.get(ResourceTypes.REPLICASETS, ns, rsName).orElseThrow();
        List<ObjectNode> mine = new ArrayList<>();
        for (StoredObject p : store.list(ResourceTypes.PODS, ns, null)) {
            ObjectNode pj = p.toJson();
            if (pj.path("metadata").path("ownerReferences").path(0).path("name").asText().equals(rsName)) {
                mine.add(pj);
            }
        }
        while (mine.size() < replicas) {
            String podName = rsName + "-" + (fixedSuffix != null && mine.isEmpty() ? fixedSuffix : suffix());
            ObjectNode pod = store.put(newPod(ns, podName, rsName, rsObj.toJson(), hash)).toJson();
            event(ns, podName, pod, "Normal", "Scheduled", "Successfully assigned " + ns + "/" + podName + " to " + nodeName(),
                    "default-scheduler", null);
            mine.add(pod);
        }
        int ready = 0;
        for (ObjectNode p : mine) {
            if (p.path("status").path("containerStatuses").path(0).path("ready").asBoolean(false)) {
                ready++;
            }
        }
        ObjectNode rsStatus = JSON.createObjectNode();
        rsStatus.putObject("status").put("replicas", mine.size()).put("fullyLabeledReplicas", mine.size())
                .put("readyReplicas", ready).put("availableReplicas", ready).put("observedGeneration", 1);
        if (!rsObj.toJson().path("status").equals(rsStatus.path("status"))) {
            store.patchDirect(ResourceTypes.REPLICASETS, ns, rsName, Patches.Type.MERGE, rsStatus);
        }
        ObjectNode st = JSON.createObjectNode();
        ObjectNode s = st.putObject("status");
        s.put("observedGeneration", d.path("metadata").path("generation").asLong(1)).put("replicas", mine.size())
                .put("updatedReplicas", mine.size()).put("readyReplicas", ready).put("availableReplicas", ready);
        if (ready < replicas) {
            s.put("unavailableReplicas", replicas - ready);
        }
        Instant since = Instant.parse(d.path("metadata").path("creationTimestamp").asText(clock.instant().toString()));
        ArrayNode c = s.putArray("conditions");
        c.addObject().put("type", "Available").put("status", ready >= replicas ? "True" : "False")
                .put("reason", ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                .put("message", ready >= replicas ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
                .put("lastUpdateTime", since.toString()).put("lastTransitionTime", since.toString());
        c.addObject().put("type", "Progressing").put("status", "True")
                .put("reason", ready >= replicas ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")
                .put("message", "ReplicaSet \"" + rsName + "\" " + (ready >= replicas ? "has successfully progressed." : "is progressing."))
                .put("lastUpdateTime", since.toString()).put("lastTransitionTime", since.toString());
        if (!d.path("status").equals(s)) {
            store.patchDirect(ResourceTypes.DEPLOYMENTS, ns, d.path("metadata").path("name").asText(), Patches.Type.MERGE, st);
        }
    }

    private ObjectNode newPod(String ns, String name, String rsName, ObjectNode rs, String hash) {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode m = pod.putObject("metadata").put("name", name).put("namespace", ns)
                .put("generateName", rsName + "-").put("creationTimestamp", clock.instant().toString());
        JsonNode tplMeta = rs.path("spec").path("template").path("metadata");
        m.set("labels", tplMeta.path("labels").deepCopy());
        if (tplMeta.has("annotations")) {
            m.set("annotations", tplMeta.path("annotations").deepCopy());
        }
        m.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", "ReplicaSet").put("name", rsName)
                .put("uid", rs.path("metadata").path("uid").asText()).put("controller", true).put("blockOwnerDeletion", true);
        ObjectNode spec = ((ObjectNode) rs.path("spec").path("template").path("spec")).deepCopy();
        spec.put("nodeName", nodeName());
        if (!spec.has("serviceAccountName")) {
            spec.put("serviceAccountName", "default");
        }
        spec.put("restartPolicy", spec.path("restartPolicy").asText("Always"));
        for (JsonNode c : spec.path("containers")) {
            ((ObjectNode) c).put("imagePullPolicy", c.path("imagePullPolicy").asText("IfNotPresent"));
        }
        pod.set("spec", spec);
        ObjectNode st = pod.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort")
                .put("hostIP", hostIp()).put("podIP", "10.42.33." + (10 + random.nextInt(200)))
                .put("startTime", clock.instant().toString());
        ArrayNode cs = st.putArray("containerStatuses");
        for (JsonNode c : spec.path("containers")) {
            cs.addObject().put("name", c.path("name").asText()).put("image", c.path("image").asText()).put("imageID", "")
                    .put("ready", false).put("started", false).put("restartCount", 0)
                    .putObject("state").putObject("waiting").put("reason", "ContainerCreating");
        }
        conditions(st, false);
        return pod;
    }

    private String hostIp() {
        List<ObjectNode> i = world.instances();
        return i.isEmpty() ? "10.42.33.232" : i.get(0).path("privateIp").asText("10.42.33.232");
    }

    private void conditions(ObjectNode status, boolean ready) {
        String now = clock.instant().toString();
        ArrayNode c = status.putArray("conditions");
        c.addObject().put("type", "PodReadyToStartContainers").put("status", "True").put("lastTransitionTime", now);
        c.addObject().put("type", "Initialized").put("status", "True").put("lastTransitionTime", now);
        ObjectNode r = c.addObject().put("type", "Ready").put("status", ready ? "True" : "False").put("lastTransitionTime", now);
        ObjectNode cr = c.addObject().put("type", "ContainersReady").put("status", ready ? "True" : "False").put("lastTransitionTime", now);
        if (!ready) {
            String names = "[" + "]";
            r.put("reason", "ContainersNotReady");
            cr.put("reason", "ContainersNotReady");
        }
        c.addObject().put("type", "PodScheduled").put("status", "True").put("lastTransitionTime", now);
    }

    // ------------------------------------------------------------------ kubelet

    private void kubelet(ObjectNode pod) {
        String ns = pod.path("metadata").path("namespace").asText();
        String name = pod.path("metadata").path("name").asText();
        PodState s = pods.computeIfAbsent(ns + "/" + name, k -> new PodState());
        if (s.running) {
            return;
        }
        Instant now = clock.instant();
        JsonNode container = pod.path("spec").path("containers").path(0);
        String image = container.path("image").asText();
        String cname = container.path("name").asText();
        if (s.nextAttempt != null && now.isBefore(s.nextAttempt)) {
            if (!s.inBackOff && s.backOffAt != null && !now.isBefore(s.backOffAt)) {
                s.inBackOff = true;
                waiting(ns, name, cname, image, "ImagePullBackOff", "Back-off pulling image \"" + image + "\"");
                event(ns, name, pod, "Normal", "BackOff", "Back-off pulling image \"" + image + "\"", "kubelet", cname);
                event(ns, name, pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", cname);
            }
            return;
        }
        event(ns, name, pod, "Normal", "Pulling", "Pulling image \"" + image + "\"", "kubelet", cname);
        PullDecider.Pull pull = decider.pull(image, pod.path("spec").path("nodeName").asText(),
                new LabPullSecretReader(store).hostCredentials(ns, pod));
        if (pull.ok()) {
            s.running = true;
            event(ns, name, pod, "Normal", "Pulled", "Successfully pulled image \"" + image + "\" in 1.873s (1.873s including waiting). Image size: 268443135 bytes.", "kubelet", cname);
            event(ns, name, pod, "Normal", "Created", "Created container " + cname, "kubelet", cname);
            event(ns, name, pod, "Normal", "Started", "Started container " + cname, "kubelet", cname);
            ObjectNode patch = JSON.createObjectNode();
            ObjectNode st = patch.putObject("status").put("phase", "Running");
            conditions(st, true);
            ArrayNode cs = st.putArray("containerStatuses");
            String repo = image.contains("@") ? image.substring(0, image.indexOf('@'))
                    : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(0, image.lastIndexOf(':')) : image;
            cs.addObject().put("name", cname).put("image", image).put("imageID", repo + "@" + pull.digest())
                    .put("containerID", "containerd://" + PullDecider.fakeDigest(name + now).substring(7))
                    .put("ready", true).put("started", true).put("restartCount", 0)
                    .putObject("state").putObject("running").put("startedAt", now.toString());
            store.patchDirect(ResourceTypes.PODS, ns, name, Patches.Type.MERGE, patch);
            log.accept("pod " + ns + "/" + name + ": pulled " + image + ", Running");
            return;
        }
        event(ns, name, pod, "Warning", "Failed", pull.message(), "kubelet", cname);
        event(ns, name, pod, "Warning", "Failed", "Error: ErrImagePull", "kubelet", cname);
        waiting(ns, name, cname, image, "ErrImagePull", pull.message().substring("Failed to pull image ".length()));
        s.inBackOff = false;
        s.backOffAt = now.plusMillis(clock.realMillis(1_500));
        s.nextAttempt = now.plusMillis(clock.realMillis(s.backoffMs));
        s.backoffMs = Math.min(BACKOFF_MAX_MS, s.backoffMs * 2);
    }

    private void waiting(String ns, String name, String cname, String image, String reason, String message) {
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode st = patch.putObject("status").put("phase", "Pending");
        conditions(st, false);
        st.putArray("containerStatuses").addObject().put("name", cname).put("image", image).put("imageID", "")
                .put("ready", false).put("started", false).put("restartCount", 0)
                .putObject("state").putObject("waiting").put("reason", reason).put("message", message);
        store.patchDirect(ResourceTypes.PODS, ns, name, Patches.Type.MERGE, patch);
    }

    private void event(String ns, String pod, JsonNode podJson, String type, String reason, String message, String component,
                       String container) {
        String key = Integer.toHexString((reason + "\0" + message).hashCode());
        String evName = pod + "." + key;
        Instant now = clock.instant();
        Optional<StoredObject> existing = store.get(ResourceTypes.EVENTS, ns, evName);
        if (existing.isPresent()) {
            ObjectNode e = existing.get().toJson();
            store.patchDirect(ResourceTypes.EVENTS, ns, evName, Patches.Type.MERGE, JSON.createObjectNode()
                    .put("count", e.path("count").asInt(1) + 1).put("lastTimestamp", now.toString()));
            return;
        }
        ObjectNode e = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Event");
        e.putObject("metadata").put("name", evName).put("namespace", ns).put("creationTimestamp", now.toString());
        ObjectNode io = e.putObject("involvedObject").put("apiVersion", "v1").put("kind", "Pod").put("namespace", ns).put("name", pod)
                .put("uid", podJson.path("metadata").path("uid").asText(""));
        if (container != null) {
            io.put("fieldPath", "spec.containers{" + container + "}");
        }
        e.put("reason", reason).put("message", message).put("type", type).put("count", 1)
                .put("firstTimestamp", now.toString()).put("lastTimestamp", now.toString())
                .put("reportingComponent", component).put("reportingInstance", component.equals("kubelet") ? nodeName() : "");
        ObjectNode src = e.putObject("source").put("component", component);
        if (component.equals("kubelet")) {
            src.put("host", nodeName());
        }
        store.put(e);
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whether the scenario's broken deployment has all replicas ready. */
    public boolean brokenWorkloadReady() {
        Optional<StoredObject> d = store.get(ResourceTypes.DEPLOYMENTS, scenario.broken().namespace(), scenario.broken().deployment());
        return d.isPresent() && d.get().toJson().path("status").path("readyReplicas").asInt(0)
                >= d.get().toJson().path("spec").path("replicas").asInt(1);
    }

    static Duration backoffStart() {
        return Duration.ofMillis(BACKOFF_START_MS);
    }
}
