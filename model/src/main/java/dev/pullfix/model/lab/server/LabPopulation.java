package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a realistic cluster population straight into a {@link LabStore} (no HTTP): nodes, 50 namespaces,
 * Deployments → ReplicaSets → Pods, some StatefulSets, Jobs and two DaemonSets in kube-system, and about one
 * pod in ten failing to pull its image (waiting reason ErrImagePull / ImagePullBackOff, with the kubelet events
 * a real node writes, in containerd's wording, with counts). Deterministic for a given seed.
 */
public final class LabPopulation {
    /** Why a generated pod cannot pull. */
    public enum Cause { ECR_FORBIDDEN_403, TAG_NOT_FOUND, NO_CREDENTIALS_401, TIMEOUT, RATE_LIMIT_429 }

    /**
     * @param pods         how many pods in total (DaemonSet pods included)
     * @param namespaces   how many application namespaces (besides the built-in ones)
     * @param failingShare share of pods failing to pull (0.1 = one in ten)
     * @param seed         random seed
     * @param now          the generation time (creation times and events are before it)
     */
    public record Spec(int pods, int namespaces, double failingShare, long seed, Instant now) {
        public static Spec of(int pods) {
            return new Spec(pods, 50, 0.1, 42, Instant.now());
        }
    }

    /** What was generated. */
    public record Result(int pods, int failingPods, int events, int nodes, int workloads, Duration took) {
    }

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "us-west-2";
    private static final String ECR = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";
    private static final String[] WORDS = {"payments", "checkout", "catalog", "orders", "search", "storefront", "auth",
            "billing", "inventory", "shipping", "reviews", "recommendations", "notifications", "analytics", "reporting",
            "gateway", "media", "profile", "cart", "pricing", "ledger", "fraud", "loyalty", "support", "chat", "mail",
            "sms", "feeds", "ads", "geo", "maps", "tracking", "warehouse", "returns", "tax", "invoicing", "identity",
            "sessions", "audit", "compliance", "ml-serving", "etl", "scheduler", "webhooks", "partners", "mobile-bff",
            "web-bff", "cms", "assets", "observability", "search-indexer", "coupons", "subscriptions", "ratings"};
    private static final String[] COMPONENTS = {"api", "worker", "web", "consumer", "cron", "cache", "frontend", "backend"};
    private static final char[] NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789".toCharArray();

    private final LabStore store;
    private final Spec spec;
    private final Random rnd;
    private final List<String> nodes = new ArrayList<>();
    private int podCount;
    private int failing;
    private int events;
    private int workloads;

    private LabPopulation(LabStore store, Spec spec) {
        this.store = store;
        this.spec = spec;
        this.rnd = new Random(spec.seed());
    }

    /** Generates {@code spec} into {@code store}. */
    public static Result generate(LabStore store, Spec spec) {
        long t0 = System.nanoTime();
        LabPopulation p = new LabPopulation(store, spec);
        p.run();
        return new Result(p.podCount, p.failing, p.events, p.nodes.size(), p.workloads, Duration.ofNanos(System.nanoTime() - t0));
    }

    private void run() {
        int nodeCount = Math.max(3, Math.min(spec.pods() / 30, 2000));
        for (int i = 0; i < nodeCount; i++) {
            node(i);
        }
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < spec.namespaces(); i++) {
            String ns = i < WORDS.length ? WORDS[i] : WORDS[i % WORDS.length] + "-" + (i / WORDS.length + 1);
            namespaces.add(ns);
            namespace(ns);
        }
        if (spec.pods() >= 2 * nodeCount + 10) {
            daemonSet("kube-system", "kube-proxy", "602401143452.dkr.ecr." + REGION + ".amazonaws.com/eks/kube-proxy:v1.32.0-eksbuild.2");
            daemonSet("kube-system", "aws-node", "602401143452.dkr.ecr." + REGION + ".amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.1");
        }
        int n = 0;
        while (podCount < spec.pods()) {
            String ns = namespaces.get(n++ % namespaces.size());
            int left = spec.pods() - podCount;
            double r = rnd.nextDouble();
            if (r < 0.08 && left >= 3) {
                statefulSet(ns, Math.min(3, left));
            } else if (r < 0.14) {
                job(ns);
            } else {
                deployment(ns, Math.min(left, 1 + rnd.nextInt(5)));
            }
        }
    }

    // ------------------------------------------------------------------ objects

    private ObjectNode meta(ObjectNode o, String apiVersion, String kind, String ns, String name, Instant created) {
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode m = o.putObject("metadata");
        m.put("name", name);
        if (ns != null) {
            m.put("namespace", ns);
        }
        m.put("uid", uid());
        m.put("creationTimestamp", Json.time(created));
        return m;
    }

    private String uid() {
        return new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    private String suffix(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(NAME_CHARS[rnd.nextInt(NAME_CHARS.length)]);
        }
        return sb.toString();
    }

    private String hash() {
        return String.format(Locale.ROOT, "%010x", rnd.nextLong() & 0xffffffffffL).substring(0, 10);
    }

    private Instant ago(long minMinutes, long maxMinutes) {
        long m = minMinutes + (long) (rnd.nextDouble() * (maxMinutes - minMinutes));
        return spec.now().minusSeconds(m * 60 + rnd.nextInt(60));
    }

    private void node(int i) {
        String ip = "10.42." + (i / 250 + 16) + "." + (i % 250 + 4);
        String name = "ip-" + ip.replace('.', '-') + "." + REGION + ".compute.internal";
        nodes.add(name);
        ObjectNode o = Json.object();
        ObjectNode m = meta(o, "v1", "Node", null, name, ago(60 * 24, 60 * 24 * 40));
        ObjectNode l = m.putObject("labels");
        l.put("kubernetes.io/hostname", name).put("kubernetes.io/os", "linux").put("kubernetes.io/arch", "amd64")
                .put("node.kubernetes.io/instance-type", "m5.large").put("topology.kubernetes.io/region", REGION)
                .put("topology.kubernetes.io/zone", REGION + (char) ('a' + i % 3)).put("eks.amazonaws.com/nodegroup", "default");
        o.putObject("spec").put("providerID", "aws:///" + REGION + (char) ('a' + i % 3) + "/i-0" + hash() + "1234567");
        ObjectNode st = o.putObject("status");
        ArrayNode conds = st.putArray("conditions");
        conds.addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
                .put("message", "kubelet is posting ready status");
        ArrayNode addr = st.putArray("addresses");
        addr.addObject().put("type", "InternalIP").put("address", ip);
        addr.addObject().put("type", "Hostname").put("address", name);
        st.putObject("nodeInfo").put("kubeletVersion", "v1.32.0-eks-aeac579").put("osImage", "Amazon Linux 2023.6.20250123")
                .put("kernelVersion", "6.1.124-134.200.amzn2023.x86_64").put("containerRuntimeVersion", "containerd://1.7.25")
                .put("architecture", "amd64").put("operatingSystem", "linux");
        store.put(o);
    }

    private void namespace(String ns) {
        ObjectNode o = Json.object();
        ObjectNode m = meta(o, "v1", "Namespace", null, ns, ago(60 * 24 * 10, 60 * 24 * 90));
        m.putObject("labels").put("kubernetes.io/metadata.name", ns);
        o.putObject("spec").putArray("finalizers").add("kubernetes");
        o.putObject("status").put("phase", "Active");
        store.put(o);
        ObjectNode sa = Json.object();
        meta(sa, "v1", "ServiceAccount", ns, "default", ago(60 * 24 * 10, 60 * 24 * 90));
        store.put(sa);
        ObjectNode cm = Json.object();
        meta(cm, "v1", "ConfigMap", ns, "kube-root-ca.crt", ago(60 * 24 * 10, 60 * 24 * 90));
        cm.putObject("data").put("ca.crt", "-----BEGIN CERTIFICATE-----\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n");
        store.put(cm);
    }

    private ObjectNode template(String app, String image, String hash) {
        ObjectNode t = Json.object();
        ObjectNode l = t.putObject("metadata").putObject("labels");
        l.put("app", app);
        if (hash != null) {
            l.put("pod-template-hash", hash);
        }
        ObjectNode s = t.putObject("spec");
        ObjectNode c = s.putArray("containers").addObject();
        c.put("name", containerName(app)).put("image", image).put("imagePullPolicy", "IfNotPresent");
        c.putArray("ports").addObject().put("containerPort", 8080).put("name", "http").put("protocol", "TCP");
        c.putObject("resources").putObject("requests").put("cpu", "100m").put("memory", "128Mi");
        c.put("terminationMessagePath", "/dev/termination-log").put("terminationMessagePolicy", "File");
        s.put("dnsPolicy", "ClusterFirst").put("restartPolicy", "Always").put("schedulerName", "default-scheduler")
                .put("serviceAccountName", "default").put("terminationGracePeriodSeconds", 30);
        s.putObject("securityContext");
        return t;
    }

    /** "checkout-cron-5b" → "cron", "payments-db" → "db", "kube-proxy" → "kube-proxy". */
    private String containerName(String app) {
        for (String w : WORDS) {
            if (app.startsWith(w + "-")) {
                String rest = app.substring(w.length() + 1);
                int dash = rest.indexOf('-');
                String first = dash < 0 ? rest : rest.substring(0, dash);
                return first.matches("[a-z]+") ? first : rest;
            }
        }
        return app;
    }

    private String healthyImage(String ns, String app) {
        int r = rnd.nextInt(10);
        if (r < 7) {
            return ECR + "/" + ns + "/" + app + ":1." + rnd.nextInt(20) + "." + rnd.nextInt(10);
        }
        return r < 9 ? "public.ecr.aws/nginx/nginx:1.27" : "docker.io/library/redis:7.2";
    }

    private Cause pickCause() {
        return Cause.values()[rnd.nextInt(Cause.values().length)];
    }

    private String failingImage(String ns, String app, Cause cause) {
        return switch (cause) {
            case ECR_FORBIDDEN_403, NO_CREDENTIALS_401, TIMEOUT -> ECR + "/" + ns + "/" + app + ":2." + rnd.nextInt(5) + "." + rnd.nextInt(10);
            case TAG_NOT_FOUND -> rnd.nextBoolean() ? ECR + "/" + ns + "/" + app + ":v2.0.0-rc" + rnd.nextInt(9)
                    : "nginx:1.27-alpine-" + suffix(3);
            case RATE_LIMIT_429 -> "httpd:2.4." + rnd.nextInt(63);
        };
    }

    /** The kubelet's "Failed to pull image" message for {@code image}, in containerd's wording. */
    public static String pullFailure(String image, Cause cause) {
        return KubeletPullMessages.pullFailure(image, cause);
    }

    private void deployment(String ns, int replicas) {
        workloads++;
        String app = ns + "-" + COMPONENTS[rnd.nextInt(COMPONENTS.length)] + (rnd.nextInt(4) == 0 ? "-" + suffix(2) : "");
        if (store.get(ResourceTypes.DEPLOYMENTS, ns, app).isPresent()) {
            app = app + "-" + suffix(3);
        }
        boolean fail = failing + replicas <= Math.round(spec.failingShare() * (podCount + replicas)) + 1
                && failing < Math.round(spec.failingShare() * spec.pods());
        Cause cause = fail ? pickCause() : null;
        String image = fail ? failingImage(ns, app, cause) : healthyImage(ns, app);
        String hash = hash();
        Instant created = fail ? ago(10, 90) : ago(60, 60 * 24 * 60);
        ObjectNode d = Json.object();
        ObjectNode dm = meta(d, "apps/v1", "Deployment", ns, app, created);
        dm.putObject("labels").put("app", app);
        dm.put("generation", 1);
        dm.putObject("annotations").put("deployment.kubernetes.io/revision", "1");
        ObjectNode ds = d.putObject("spec");
        ds.put("replicas", replicas).put("revisionHistoryLimit", 10).put("progressDeadlineSeconds", 600);
        ds.putObject("selector").putObject("matchLabels").put("app", app);
        ds.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate").put("maxSurge", "25%").put("maxUnavailable", "25%");
        ds.set("template", template(app, image, null));
        int ready = fail ? 0 : replicas;
        ObjectNode dst = d.putObject("status");
        dst.put("observedGeneration", 1).put("replicas", replicas).put("updatedReplicas", replicas)
                .put("readyReplicas", ready).put("availableReplicas", ready);
        if (fail) {
            dst.put("unavailableReplicas", replicas);
        }
        ArrayNode dc = dst.putArray("conditions");
        dc.addObject().put("type", "Available").put("status", fail ? "False" : "True")
                .put("reason", fail ? "MinimumReplicasUnavailable" : "MinimumReplicasAvailable")
                .put("message", fail ? "Deployment does not have minimum availability." : "Deployment has minimum availability.")
                .put("lastUpdateTime", Json.time(created)).put("lastTransitionTime", Json.time(created));
        dc.addObject().put("type", "Progressing").put("status", "True").put("reason", "NewReplicaSetAvailable")
                .put("message", "ReplicaSet \"" + app + "-" + hash + "\" has successfully progressed.")
                .put("lastUpdateTime", Json.time(created)).put("lastTransitionTime", Json.time(created));
        store.put(d);
        String dUid = Json.str(d, "metadata", "uid");

        String rsName = app + "-" + hash;
        ObjectNode rs = Json.object();
        ObjectNode rm = meta(rs, "apps/v1", "ReplicaSet", ns, rsName, created);
        rm.putObject("labels").put("app", app).put("pod-template-hash", hash);
        rm.put("generation", 1);
        rm.putObject("annotations").put("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas))
                .put("deployment.kubernetes.io/max-replicas", String.valueOf(replicas + 1)).put("deployment.kubernetes.io/revision", "1");
        owner(rm, "apps/v1", "Deployment", app, dUid);
        ObjectNode rss = rs.putObject("spec");
        rss.put("replicas", replicas);
        rss.putObject("selector").putObject("matchLabels").put("app", app).put("pod-template-hash", hash);
        rss.set("template", template(app, image, hash));
        rs.putObject("status").put("replicas", replicas).put("fullyLabeledReplicas", replicas).put("readyReplicas", ready)
                .put("availableReplicas", ready).put("observedGeneration", 1);
        store.put(rs);
        String rsUid = Json.str(rs, "metadata", "uid");
        for (int i = 0; i < replicas; i++) {
            pod(ns, rsName + "-" + suffix(5), rsName + "-", app, hash, image, "ReplicaSet", rsName, rsUid, cause,
                    fail ? created.plusSeconds(rnd.nextInt(5)) : created.plusSeconds(rnd.nextInt(3600)));
        }
    }

    private void statefulSet(String ns, int replicas) {
        workloads++;
        String app = ns + "-" + (rnd.nextBoolean() ? "db" : "queue");
        if (store.get(ResourceTypes.STATEFULSETS, ns, app).isPresent()) {
            app = app + "-" + suffix(3);
        }
        String image = rnd.nextBoolean() ? "docker.io/library/postgres:16.4" : "public.ecr.aws/bitnami/rabbitmq:3.13";
        Instant created = ago(60 * 24, 60 * 24 * 60);
        ObjectNode s = Json.object();
        ObjectNode m = meta(s, "apps/v1", "StatefulSet", ns, app, created);
        m.putObject("labels").put("app", app);
        m.put("generation", 1);
        ObjectNode sp = s.putObject("spec");
        sp.put("replicas", replicas).put("serviceName", app).put("podManagementPolicy", "OrderedReady");
        sp.putObject("selector").putObject("matchLabels").put("app", app);
        sp.set("template", template(app, image, null));
        s.putObject("status").put("replicas", replicas).put("readyReplicas", replicas).put("currentReplicas", replicas)
                .put("updatedReplicas", replicas).put("availableReplicas", replicas).put("observedGeneration", 1);
        store.put(s);
        String uid = Json.str(s, "metadata", "uid");
        for (int i = 0; i < replicas; i++) {
            pod(ns, app + "-" + i, null, app, null, image, "StatefulSet", app, uid, null, created.plusSeconds(30L * i));
        }
    }

    private void job(String ns) {
        workloads++;
        String name = ns + "-report-" + (29000000 + rnd.nextInt(100000));
        Instant created = ago(30, 60 * 24 * 3);
        String image = ECR + "/" + ns + "/report:1." + rnd.nextInt(9);
        ObjectNode j = Json.object();
        ObjectNode m = meta(j, "batch/v1", "Job", ns, name, created);
        m.putObject("labels").put("job-name", name);
        m.put("generation", 1);
        ObjectNode sp = j.putObject("spec");
        sp.put("completions", 1).put("parallelism", 1).put("backoffLimit", 6);
        String ctrl = uid();
        sp.putObject("selector").putObject("matchLabels").put("batch.kubernetes.io/controller-uid", ctrl);
        ObjectNode tpl = template(name, image, null);
        ((ObjectNode) tpl.get("metadata").get("labels")).put("job-name", name).put("batch.kubernetes.io/controller-uid", ctrl);
        ((ObjectNode) tpl.get("spec")).put("restartPolicy", "Never");
        sp.set("template", tpl);
        ObjectNode st = j.putObject("status");
        st.put("startTime", Json.time(created)).put("completionTime", Json.time(created.plusSeconds(42))).put("succeeded", 1);
        st.putArray("conditions").addObject().put("type", "Complete").put("status", "True")
                .put("lastProbeTime", Json.time(created.plusSeconds(42))).put("lastTransitionTime", Json.time(created.plusSeconds(42)));
        store.put(j);
        ObjectNode pod = pod(ns, name + "-" + suffix(5), name + "-", name, null, image, "Job", name,
                Json.str(j, "metadata", "uid"), null, created);
        ObjectNode ps = (ObjectNode) pod.get("status");
        ps.put("phase", "Succeeded");
        ObjectNode cs = (ObjectNode) ps.get("containerStatuses").get(0);
        cs.put("ready", false).put("started", false);
        ObjectNode state = cs.putObject("state");
        state.putObject("terminated").put("exitCode", 0).put("reason", "Completed")
                .put("startedAt", Json.time(created.plusSeconds(3))).put("finishedAt", Json.time(created.plusSeconds(41)));
        ((ObjectNode) pod.get("spec")).put("restartPolicy", "Never");
        store.put(pod);
    }

    private void daemonSet(String ns, String name, String image) {
        workloads++;
        Instant created = ago(60 * 24 * 30, 60 * 24 * 60);
        ObjectNode d = Json.object();
        ObjectNode m = meta(d, "apps/v1", "DaemonSet", ns, name, created);
        m.putObject("labels").put("k8s-app", name);
        m.put("generation", 1);
        ObjectNode sp = d.putObject("spec");
        sp.putObject("selector").putObject("matchLabels").put("k8s-app", name);
        sp.set("template", template(name, image, null));
        int n = nodes.size();
        d.putObject("status").put("desiredNumberScheduled", n).put("currentNumberScheduled", n).put("numberReady", n)
                .put("updatedNumberScheduled", n).put("numberAvailable", n).put("observedGeneration", 1);
        store.put(d);
        String uid = Json.str(d, "metadata", "uid");
        for (int i = 0; i < n; i++) {
            ObjectNode pod = pod(ns, name + "-" + suffix(5), name + "-", name, null, image, "DaemonSet", name, uid, null,
                    created.plusSeconds(i));
            ((ObjectNode) pod.get("spec")).put("nodeName", nodes.get(i));
            ((ObjectNode) pod.get("metadata").get("labels")).put("k8s-app", name);
            store.put(pod);
        }
    }

    private static void owner(ObjectNode meta, String apiVersion, String kind, String name, String uid) {
        meta.putArray("ownerReferences").addObject().put("apiVersion", apiVersion).put("kind", kind).put("name", name)
                .put("uid", uid).put("controller", true).put("blockOwnerDeletion", true);
    }

    private ObjectNode pod(String ns, String name, String generateName, String app, String hash, String image,
                           String ownerKind, String ownerName, String ownerUid, Cause cause, Instant created) {
        podCount++;
        String node = nodes.get(rnd.nextInt(nodes.size()));
        ObjectNode p = Json.object();
        ObjectNode m = meta(p, "v1", "Pod", ns, name, created);
        if (generateName != null) {
            m.put("generateName", generateName);
        }
        ObjectNode l = m.putObject("labels");
        l.put("app", app);
        if (hash != null) {
            l.put("pod-template-hash", hash);
        }
        owner(m, ownerKind.equals("Job") ? "batch/v1" : "apps/v1", ownerKind, ownerName, ownerUid);
        ObjectNode spec = (ObjectNode) template(app, image, hash).get("spec");
        String container = spec.get("containers").get(0).get("name").asText();
        ((ObjectNode) spec.get("containers").get(0)).putArray("volumeMounts").addObject()
                .put("name", "kube-api-access-" + suffix(5)).put("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount")
                .put("readOnly", true);
        spec.put("nodeName", node).put("priority", 0).put("enableServiceLinks", true).put("preemptionPolicy", "PreemptLowerPriority");
        ArrayNode tol = spec.putArray("tolerations");
        tol.addObject().put("key", "node.kubernetes.io/not-ready").put("operator", "Exists").put("effect", "NoExecute").put("tolerationSeconds", 300);
        tol.addObject().put("key", "node.kubernetes.io/unreachable").put("operator", "Exists").put("effect", "NoExecute").put("tolerationSeconds", 300);
        p.set("spec", spec);
        ObjectNode st = p.putObject("status");
        String podIp = "10.42." + rnd.nextInt(64) + "." + (2 + rnd.nextInt(250));
        boolean fail = cause != null;
        st.put("phase", fail ? "Pending" : "Running");
        ArrayNode conds = st.putArray("conditions");
        String t = Json.time(created.plusSeconds(1));
        conds.addObject().put("type", "PodReadyToStartContainers").put("status", "True").put("lastTransitionTime", t);
        conds.addObject().put("type", "Initialized").put("status", "True").put("lastTransitionTime", t);
        ObjectNode ready = conds.addObject().put("type", "Ready").put("status", fail ? "False" : "True").put("lastTransitionTime", t);
        ObjectNode cready = conds.addObject().put("type", "ContainersReady").put("status", fail ? "False" : "True").put("lastTransitionTime", t);
        if (fail) {
            String msg = "containers with unready status: [" + container + "]";
            ready.put("reason", "ContainersNotReady").put("message", msg);
            cready.put("reason", "ContainersNotReady").put("message", msg);
        }
        conds.addObject().put("type", "PodScheduled").put("status", "True").put("lastTransitionTime", Json.time(created));
        st.put("hostIP", node.substring(3, node.indexOf('.')).replace('-', '.'));
        st.put("podIP", podIp);
        st.putArray("podIPs").addObject().put("ip", podIp);
        st.put("startTime", Json.time(created.plusSeconds(1)));
        st.put("qosClass", "Burstable");
        ObjectNode cs = st.putArray("containerStatuses").addObject();
        cs.put("name", container).put("image", image);
        if (fail) {
            boolean backoff = rnd.nextInt(10) < 7;
            String failure = pullFailure(image, cause);
            cs.put("imageID", "").put("ready", false).put("restartCount", 0).put("started", false);
            cs.putObject("state").putObject("waiting").put("reason", backoff ? "ImagePullBackOff" : "ErrImagePull")
                    .put("message", backoff ? "Back-off pulling image \"" + image + "\"" : failure.substring(failure.indexOf("\": ") + 3));
            failing++;
            pullEvents(ns, name, Json.str(p, "metadata", "uid"), container, node, image, failure, created);
        } else {
            String digest = String.format(Locale.ROOT, "%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
            String repo = KubeletPullMessages.fullyQualified(image);
            cs.put("imageID", repo.substring(0, repo.lastIndexOf(':')) + "@sha256:" + digest)
                    .put("containerID", "containerd://" + digest)
                    .put("ready", true).put("restartCount", rnd.nextInt(20) == 0 ? 1 + rnd.nextInt(3) : 0).put("started", true);
            cs.putObject("state").putObject("running").put("startedAt", Json.time(created.plusSeconds(5)));
        }
        store.put(p);
        return p;
    }

    private void pullEvents(String ns, String pod, String podUid, String container, String node, String image,
                            String failure, Instant created) {
        long age = Math.max(60, spec.now().getEpochSecond() - created.getEpochSecond());
        int pulls = 2 + (int) Math.min(6, age / 150);
        int backoffs = (int) Math.min(40, 1 + age / 15);
        Instant lastPull = spec.now().minusSeconds(Math.max(5, rnd.nextInt((int) Math.min(age, 300))));
        event(ns, pod, podUid, null, node, "Normal", "Scheduled", "default-scheduler",
                "Successfully assigned " + ns + "/" + pod + " to " + node, 1, created, created);
        String fp = "spec.containers{" + container + "}";
        event(ns, pod, podUid, fp, node, "Normal", "Pulling", "kubelet", "Pulling image \"" + image + "\"", pulls,
                created.plusSeconds(1), lastPull);
        event(ns, pod, podUid, fp, node, "Warning", "Failed", "kubelet", failure, pulls, created.plusSeconds(2), lastPull);
        event(ns, pod, podUid, fp, node, "Warning", "Failed", "kubelet", "Error: ErrImagePull", pulls, created.plusSeconds(2), lastPull);
        Instant lastBackoff = spec.now().minusSeconds(rnd.nextInt(20));
        event(ns, pod, podUid, fp, node, "Normal", "BackOff", "kubelet", "Back-off pulling image \"" + image + "\"", backoffs,
                created.plusSeconds(3), lastBackoff);
        event(ns, pod, podUid, fp, node, "Warning", "Failed", "kubelet", "Error: ImagePullBackOff", backoffs,
                created.plusSeconds(3), lastBackoff);
    }

    private void event(String ns, String pod, String podUid, String fieldPath, String node, String type, String reason,
                       String component, String message, int count, Instant first, Instant last) {
        events++;
        ObjectNode e = Json.object();
        String name = pod + "." + String.format(Locale.ROOT, "%016x", rnd.nextLong());
        meta(e, "v1", "Event", ns, name, first);
        ObjectNode io = e.putObject("involvedObject");
        io.put("kind", "Pod").put("namespace", ns).put("name", pod).put("uid", podUid).put("apiVersion", "v1");
        if (fieldPath != null) {
            io.put("fieldPath", fieldPath);
        }
        e.put("reason", reason).put("message", message);
        ObjectNode src = e.putObject("source");
        src.put("component", component);
        if (component.equals("kubelet")) {
            src.put("host", node);
        }
        e.put("firstTimestamp", Json.time(first)).put("lastTimestamp", Json.time(last)).put("count", count).put("type", type);
        e.putNull("eventTime");
        e.put("reportingComponent", component).put("reportingInstance", component.equals("kubelet") ? node : "");
        store.put(e);
    }
}
