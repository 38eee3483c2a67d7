package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Lists the pods of a cluster (or one namespace) into a {@link ClusterSnapshot}, page by page with
 * {@code limit}/{@code continue}, decoding each page as it streams in ({@link PodJson}: one pass, straight into
 * compact records, managedFields and every unused field skipped) so no object model of a page is ever built.
 *
 * <p>Page size: {@value #DEFAULT_PAGE_SIZE}. kubectl uses 500 and throttles itself on the client side (about
 * 5 requests/s after a burst of 10), so 50,000 pods cost it 100 round trips and most of 20 s; Pullfix does not
 * throttle, and a page of 1,000 pods (≈ 2–4 MB of JSON) halves the round trips again. Larger pages buy little:
 * the server's per-page cost grows with the page.
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
        return load(conn, scope, PodTreeLoader::noProgress, () -> false);
    }

    /** For a caller that shows no count of pods read so far. */
    static void noProgress(int podsRead) {
        // nobody shows the count
    }

    /** What a load found beside the pods. */
    record Result(String resourceVersion, List<String> skipped, boolean clusterWide,
                  Map<String, String> jobOwners, Map<String, String> sandboxFailures, List<String> readNamespaces) {
    }

    Result loadInto(ClusterConnection conn, Scope scope, PodTree tree, PodInfos infos, IntConsumer progress,
                    BooleanSupplier cancelled) {
        KubeHttp client = new KubeHttp(conn);
        CompletableFuture<Map<String, String>> jobs = CompletableFuture.supplyAsync(
                () -> jobOwners(client, scope.namespace(), pageSize), sideExecutor);
        CompletableFuture<Map<String, String>> sandbox = CompletableFuture.supplyAsync(
                () -> sandboxFailures(client, scope.namespace()), sideExecutor);
        List<String> skipped = new ArrayList<>();
        List<String> readNamespaces = new ArrayList<>();
        String rv;
        boolean clusterWide = scope.all();
        int[] loaded = {0};
        KubeHttp.ItemReader sink = p -> {
            PodInfo pod = infos.from(PodJson.read(p));
            if (pod != null) {
                tree.put(pod);
            }
        };
        try {
            rv = listPods(client, scope.namespace(), sink, loaded, progress, cancelled);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 && scope.all()) {
                rv = null;
                clusterWide = false;
                List<String> namespaces = readableNamespaceCandidates(conn, client, pageSize);
                int read = 0;
                for (String ns : namespaces) {
                    try {
                        listPods(client, ns, sink, loaded, progress, cancelled);
                        read++;
                        readNamespaces.add(ns);
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
        return new Result(rv, skipped, clusterWide, jobOwners, sandboxFailures, List.copyOf(readNamespaces));
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
                q = q.withFailure(FailureReason.FAILED_CREATE_POD_SANDBOX, infos.intern(msg));
            }
        }
        return q;
    }

    /** The namespaces the user may list (sorted), else the context's namespace alone. */
    static List<String> readableNamespaceCandidates(ClusterConnection conn, KubeHttp client, int pageSize) {
        List<String> out = new ArrayList<>();
        try {
            client.list(KubeHttp.path("v1", null, "namespaces"), pageSize, null, p -> {
                String name = ObjectJson.meta(p).name();
                if (name != null) {
                    out.add(name);
                }
            }, () -> false);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw conn.error(e, "list", "namespaces", null);
            }
            out.clear();
            out.add(conn.defaultNamespace());
        }
        out.sort(String::compareTo);
        return out;
    }

    private String listPods(KubeHttp client, String ns, KubeHttp.ItemReader sink, int[] loaded,
                            IntConsumer progress, BooleanSupplier cancelled) {
        int[] before = {loaded[0]};
        KubeHttp.ItemReader counting = p -> {
            sink.read(p);
            loaded[0]++;
            if (loaded[0] - before[0] >= pageSize) {
                before[0] = loaded[0];
                progress.accept(loaded[0]);
            }
        };
        String rv = client.list(KubeHttp.path("v1", ns, "pods"), pageSize, null, counting, cancelled);
        progress.accept(loaded[0]);
        return rv;
    }

    /** {@code namespace/job} to the name of the CronJob that owns the Job; empty when Jobs cannot be listed. */
    static Map<String, String> jobOwners(KubeHttp client, String ns, int pageSize) {
        Map<String, String> out = new HashMap<>();
        try {
            client.list(KubeHttp.path("batch/v1", ns, "jobs"), pageSize, null, p -> {
                ObjectJson.Meta m = ObjectJson.meta(p);
                for (PodFields.Owner r : m.owners()) {
                    if (WorkloadRef.CRON_JOB.equals(r.kind())) {
                        out.put(m.namespace() + "/" + m.name(), r.name());
                    }
                }
            }, () -> false);
        } catch (RuntimeException e) {
            // optional detail: without it Job pods stay under their Job
        }
        return out;
    }

    private Map<String, String> sandboxFailures(KubeHttp client, String ns) {
        Map<String, String> out = new HashMap<>();
        try {
            client.list(KubeHttp.path("v1", ns, "events"), pageSize, SANDBOX_SELECTOR, p -> {
                EventJson.Fields e = EventJson.read(p);
                if (isSandboxFailure(e)) {
                    out.put(sandboxKey(e), e.message() == null ? "" : e.message());
                }
            }, () -> false);
        } catch (RuntimeException e) {
            // optional detail: without it sandbox failures are not marked
        }
        return out;
    }

    /** The field selector of the sandbox-failure events (the server filters; the reader checks again). */
    static final String SANDBOX_SELECTOR = "reason=FailedCreatePodSandBox,involvedObject.kind=Pod";

    static boolean isSandboxFailure(EventJson.Fields e) {
        return "FailedCreatePodSandBox".equals(e.reason()) && e.objectName() != null && "Pod".equals(e.objectKind());
    }

    /** {@code namespace/pod} of the pod an event is about. */
    static String sandboxKey(EventJson.Fields e) {
        return (e.objectNamespace() != null ? e.objectNamespace() : e.namespace()) + "/" + e.objectName();
    }

    static Map<String, String> join(CompletableFuture<Map<String, String>> f) {
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
