package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Lists the pods of a cluster (or one namespace) into a {@link ClusterSnapshot}, page by page with
 * {@code limit}/{@code continue}, converting each page to compact records before asking for the next.
 *
 * <p>Page size: {@value #DEFAULT_PAGE_SIZE}. kubectl uses 500 and throttles itself on the client side (about
 * 5 requests/s after a burst of 10), so 50,000 pods cost it 100 round trips and most of 20 s; fabric8 does not
 * throttle, and a page of 1,000 pods (≈ 2–4 MB of JSON) halves the round trips again while keeping at most one
 * page of fabric8 objects alive. Larger pages buy little: the server's per-page cost grows with the page.
 *
 * <p>Owners are resolved without fetching ReplicaSets: the Deployment controller names its ReplicaSets
 * {@code <deployment>-<pod-template-hash>} and stamps the hash on the pods, so the Deployment name follows from
 * the pod alone. Jobs are listed once (paged) to find the CronJobs that own them; events with reason
 * {@code FailedCreatePodSandBox} are listed once to mark pods stuck in Pending on their sandbox. Both side
 * lists run beside the pod list and are optional (a 403 on them only loses that detail).
 *
 * <p>When the cluster-wide pod list is forbidden, it falls back to the namespaces the user can list (or the
 * context's namespace) and reports the ones it could not read.
 */
public final class PodTreeLoader {

    public static final int DEFAULT_PAGE_SIZE = 1000;

    private final int pageSize;
    private final Executor sideExecutor;

    public PodTreeLoader() {
        this(DEFAULT_PAGE_SIZE);
    }

    public PodTreeLoader(int pageSize) {
        this(pageSize, r -> {
            Thread t = new Thread(r, "pullfix-tree-side-list");
            t.setDaemon(true);
            t.start();
        });
    }

    public PodTreeLoader(int pageSize, Executor sideExecutor) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize");
        }
        this.pageSize = pageSize;
        this.sideExecutor = sideExecutor;
    }

    /** Which namespaces: one, or all ({@code namespace == null}). */
    public record Scope(String namespace) {
        public static Scope allNamespaces() {
            return new Scope(null);
        }

        public static Scope namespace(String ns) {
            return new Scope(ns);
        }

        public boolean all() {
            return namespace == null;
        }
    }

    /** Takes a snapshot. {@code progress} gets the number of pods loaded so far after each page. */
    public ClusterSnapshot load(ClusterConnection conn, Scope scope, IntConsumer progress, BooleanSupplier cancelled) {
        PodTree tree = new PodTree();
        Result r = loadInto(conn, scope, tree, new PodInfos(), progress, cancelled);
        return tree.snapshot(conn.context().name(), r.resourceVersion(), r.skipped(), r.clusterWide());
    }

    public ClusterSnapshot load(ClusterConnection conn, Scope scope) {
        return load(conn, scope, n -> { }, () -> false);
    }

    /** What a load found beside the pods. */
    record Result(String resourceVersion, List<String> skipped, boolean clusterWide,
                  Map<String, String> jobOwners, Map<String, String> sandboxFailures) {
    }

    Result loadInto(ClusterConnection conn, Scope scope, PodTree tree, PodInfos infos, IntConsumer progress,
                    BooleanSupplier cancelled) {
        KubernetesClient client = conn.kubernetesClient();
        CompletableFuture<Map<String, String>> jobs = CompletableFuture.supplyAsync(
                () -> jobOwners(client, scope.namespace()), sideExecutor);
        CompletableFuture<Map<String, String>> sandbox = CompletableFuture.supplyAsync(
                () -> sandboxFailures(client, scope.namespace()), sideExecutor);
        List<String> skipped = new ArrayList<>();
        String rv;
        boolean clusterWide = scope.all();
        int[] loaded = {0};
        Consumer<Pod> sink = p -> tree.put(infos.from(p));
        try {
            rv = listPods(client, scope.namespace(), sink, loaded, progress, cancelled);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 && scope.all()) {
                rv = null;
                clusterWide = false;
                List<String> namespaces = readableNamespaceCandidates(conn);
                int read = 0;
                for (String ns : namespaces) {
                    try {
                        listPods(client, ns, sink, loaded, progress, cancelled);
                        read++;
                    } catch (KubernetesClientException e2) {
                        if (e2.getCode() == 403) {
                            skipped.add(ns);
                        } else {
                            throw conn.error(e2, "list", "pods", ns);
                        }
                    }
                }
                if (read == 0) {
                    throw conn.error(e, "list", "pods", null);
                }
            } else {
                throw conn.error(e, "list", "pods", scope.namespace());
            }
        } catch (RuntimeException e) {
            throw conn.error(e, "list", "pods", scope.namespace());
        }
        Map<String, String> jobOwners = join(jobs);
        Map<String, String> sandboxFailures = join(sandbox);
        applySideLists(tree, infos, jobOwners, sandboxFailures);
        skipped.sort(String::compareTo);
        return new Result(rv, skipped, clusterWide, jobOwners, sandboxFailures);
    }

    static void applySideLists(PodTree tree, PodInfos infos, Map<String, String> jobOwners,
                               Map<String, String> sandboxFailures) {
        List<PodInfo> changed = new ArrayList<>();
        for (PodInfo p : tree.all()) {
            PodInfo q = resolve(p, infos, jobOwners, sandboxFailures);
            if (q != p) {
                changed.add(q);
            }
        }
        changed.forEach(tree::put);
    }

    /** The pod with its Job owner lifted to the CronJob and its sandbox mark applied. */
    static PodInfo resolve(PodInfo p, PodInfos infos, Map<String, String> jobOwners,
                           Map<String, String> sandboxFailures) {
        PodInfo q = p;
        if (WorkloadRef.JOB.equals(q.workload().kind())) {
            String cron = jobOwners.get(q.namespace() + "/" + q.workload().name());
            if (cron != null) {
                q = q.withWorkload(new WorkloadRef(WorkloadRef.CRON_JOB, infos.intern(cron)));
            }
        }
        if (q.failure() == null && "Pending".equals(q.phase())) {
            String msg = sandboxFailures.get(q.key());
            if (msg != null) {
                q = q.withFailure(PullFailure.FAILED_CREATE_POD_SANDBOX, infos.intern(msg));
            }
        }
        return q;
    }

    private List<String> readableNamespaceCandidates(ClusterConnection conn) {
        List<String> out = new ArrayList<>();
        try {
            String cont = null;
            do {
                NamespaceList list = conn.kubernetesClient().namespaces().list(options(cont));
                for (Namespace n : list.getItems()) {
                    out.add(n.getMetadata().getName());
                }
                cont = list.getMetadata() == null ? null : emptyToNull(list.getMetadata().getContinue());
            } while (cont != null);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw conn.error(e, "list", "namespaces", null);
            }
            out.add(conn.defaultNamespace());
        }
        out.sort(String::compareTo);
        return out;
    }

    private String listPods(KubernetesClient client, String ns, Consumer<Pod> sink, int[] loaded,
                            IntConsumer progress, BooleanSupplier cancelled) {
        String cont = null;
        String rv = null;
        do {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
            ListOptions o = options(cont);
            PodList page = ns == null ? client.pods().inAnyNamespace().list(o) : client.pods().inNamespace(ns).list(o);
            if (rv == null && page.getMetadata() != null) {
                rv = page.getMetadata().getResourceVersion();
            }
            for (Pod p : page.getItems()) {
                sink.accept(p);
            }
            loaded[0] += page.getItems().size();
            progress.accept(loaded[0]);
            cont = page.getMetadata() == null ? null : emptyToNull(page.getMetadata().getContinue());
        } while (cont != null);
        return rv;
    }

    private Map<String, String> jobOwners(KubernetesClient client, String ns) {
        Map<String, String> out = new HashMap<>();
        try {
            String cont = null;
            do {
                ListOptions o = options(cont);
                JobList page = ns == null ? client.batch().v1().jobs().inAnyNamespace().list(o)
                        : client.batch().v1().jobs().inNamespace(ns).list(o);
                for (Job j : page.getItems()) {
                    for (OwnerReference r : j.getMetadata().getOwnerReferences() == null
                            ? List.<OwnerReference>of() : j.getMetadata().getOwnerReferences()) {
                        if (WorkloadRef.CRON_JOB.equals(r.getKind())) {
                            out.put(j.getMetadata().getNamespace() + "/" + j.getMetadata().getName(), r.getName());
                        }
                    }
                }
                cont = page.getMetadata() == null ? null : emptyToNull(page.getMetadata().getContinue());
            } while (cont != null);
        } catch (RuntimeException e) {
            // optional detail: without it Job pods stay under their Job
        }
        return out;
    }

    private Map<String, String> sandboxFailures(KubernetesClient client, String ns) {
        Map<String, String> out = new HashMap<>();
        try {
            String cont = null;
            do {
                ListOptions o = options(cont);
                o.setFieldSelector("reason=FailedCreatePodSandBox,involvedObject.kind=Pod");
                EventList page = ns == null ? client.v1().events().inAnyNamespace().list(o)
                        : client.v1().events().inNamespace(ns).list(o);
                for (Event e : page.getItems()) {
                    var io = e.getInvolvedObject();
                    if ("FailedCreatePodSandBox".equals(e.getReason()) && io != null && "Pod".equals(io.getKind())) {
                        String ens = io.getNamespace() != null ? io.getNamespace() : e.getMetadata().getNamespace();
                        out.put(ens + "/" + io.getName(), e.getMessage() == null ? "" : e.getMessage());
                    }
                }
                cont = page.getMetadata() == null ? null : emptyToNull(page.getMetadata().getContinue());
            } while (cont != null);
        } catch (RuntimeException e) {
            // optional detail: without it sandbox failures are not marked
        }
        return out;
    }

    private ListOptions options(String cont) {
        return new ListOptionsBuilder().withLimit((long) pageSize).withContinue(cont).build();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Map<String, String> join(CompletableFuture<Map<String, String>> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
