package dev.pullfix.model.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Lists pods as {@code kubectl get pods} does: the API server renders the rows (its {@code Table}, asked for with
 * kubectl's media type, page by page with {@code limit}/{@code continue}), so only the printed cells and each pod's
 * metadata travel (a few hundred bytes a pod instead of several kilobytes) and nothing of the pod is decoded beyond
 * the owners that name its workload. Jobs are listed beside it to lift Job pods to their CronJob, as the pod tree
 * does; when the cluster-wide list is forbidden it falls back to the namespaces the user can list, as
 * {@link PodTreeLoader} does.
 *
 * <p>Empty when the server does not render pods as a Table with kubectl's columns (406, or another body): the caller
 * then builds the table from the pod tree.
 */
public final class PodTableLoader {

    /** The rows in namespace/name order, and the namespaces that could not be read (RBAC), in name order. */
    public record PodTable(List<PodRow> rows, List<String> skippedNamespaces) {
    }

    private final int pageSize;

    public PodTableLoader() {
        this(PodTreeLoader.DEFAULT_PAGE_SIZE);
    }

    public PodTableLoader(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize");
        }
        this.pageSize = pageSize;
    }

    public Optional<PodTable> load(ClusterConnection conn, PodTreeLoader.Scope scope) {
        KubeHttp client = new KubeHttp(conn);
        CompletableFuture<Map<String, String>> jobs = CompletableFuture.supplyAsync(
                () -> PodTreeLoader.jobOwners(client, scope.namespace(), pageSize), r -> {
                    Thread t = new Thread(r, "pullfix-table-jobs");
                    t.setDaemon(true);
                    t.start();
                });
        PodTableJson reader = new PodTableJson(new PodInfos());
        List<PodRow> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            try {
                list(client, reader, scope.namespace(), rows::add);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403 || !scope.all()) {
                    throw e;
                }
                int read = 0;
                for (String ns : PodTreeLoader.readableNamespaceCandidates(conn, client, pageSize)) {
                    try {
                        list(client, reader, ns, rows::add);
                        read++;
                    } catch (KubernetesClientException e2) {
                        if (e2.getCode() != 403) {
                            throw e2;
                        }
                        skipped.add(ns);
                    }
                }
                if (read == 0) {
                    throw e;
                }
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 406 || e.getCause() instanceof PodTableJson.NotATable) {
                return Optional.empty();
            }
            throw conn.error(e, "list", "pods", scope.namespace());
        } catch (RuntimeException e) {
            throw conn.error(e, "list", "pods", scope.namespace());
        }
        Map<String, String> jobOwners = PodTreeLoader.join(jobs);
        List<PodRow> out = new ArrayList<>(rows.size());
        for (PodRow r : rows) {
            out.add(liftToCronJob(r, jobOwners));
        }
        out.sort(Comparator.comparing(PodRow::namespace).thenComparing(PodRow::name));
        skipped.sort(String::compareTo);
        return Optional.of(new PodTable(out, List.copyOf(skipped)));
    }

    private void list(KubeHttp client, PodTableJson reader, String ns, Consumer<PodRow> rows) {
        client.pages(KubeHttp.path("v1", ns, "pods"), pageSize, null, PodTableJson.TABLE_TYPE,
                (body, meta) -> reader.read(body, rows, meta), () -> false);
    }

    /** A Job's pod under the CronJob that owns the Job, as the pod tree shows it. */
    private static PodRow liftToCronJob(PodRow r, Map<String, String> jobOwners) {
        if (!WorkloadRef.JOB.equals(r.workload().kind())) {
            return r;
        }
        String cron = jobOwners.get(r.namespace() + "/" + r.workload().name());
        return cron == null ? r : new PodRow(r.namespace(), r.name(), r.ready(), r.status(), r.restarts(), r.age(),
                new WorkloadRef(WorkloadRef.CRON_JOB, cron));
    }
}
