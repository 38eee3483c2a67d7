package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.PodRow;
import dev.pullfix.model.cluster.PodTableLoader;
import dev.pullfix.model.cluster.PodTreeLoader;
import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix pods [--context C] [-n NS | -A] [--failing] [--json] [--kubeconfig FILE]}: the pods as a
 * kubectl-like table (with each pod's workload), or as JSON namespaces > workloads > pods > containers.
 * The table is the server's own rendering, as kubectl's ({@link PodTableLoader}), unless the server cannot render
 * one or {@code --failing} needs the pods' containers; then, and for JSON, the pod tree ({@link PodTreeLoader}),
 * written as JSON token by token ({@link PodsJson}).
 */
@Command(name = "pods", mixinStandardHelpOptions = true,
        description = "List pods with their workload and pull failures (ErrImagePull, ImagePullBackOff, ...).",
        footer = {"", "JSON fields: context, takenAt, clusterWide, resourceVersion, skippedNamespaces, summary {pods, "
                + "failingPods}, namespaces[] (name, podCount, failingPods, failingWorkloads, workloads[] (kind, name, "
                + "podCount, failingPods, pods[] (name, uid, phase, status, ready, restarts, node, created, failing, "
                + "failure, failureMessage, containers[])))."})
public final class PodsCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    AllNamespacesOption allNamespaces;

    @Option(names = "--failing", description = "Only failing pods (and their workloads and namespaces).")
    boolean failing;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        if (allNamespaces.all() && cluster.namespace() != null) {
            throw o.usage("use either -n NAMESPACE or -A, not both");
        }
        // the table without --failing is the server's own rendering, as kubectl's (a fraction of the bytes, nothing
        // of the pods decoded); JSON and --failing need the pods themselves
        boolean serverTable = !o.json() && !failing;
        record Loaded(ClusterSnapshot snapshot, PodTableLoader.PodTable table, String scope) {}
        Loaded loaded = timeout.start().run(() -> {
            try (ClusterConnection conn = cluster.connect(timeout.perCall())) {
                String ns = allNamespaces.all() ? null : cluster.namespaceOr(conn);
                String scope = ns == null ? o.t("cluster", "cluster.cli.allNamespaces") : ns;
                PodTreeLoader.Scope s = new PodTreeLoader.Scope(ns);
                Optional<PodTableLoader.PodTable> table = serverTable ? new PodTableLoader().load(conn, s)
                        : Optional.empty();
                return table.isPresent() ? new Loaded(null, table.get(), scope)
                        : new Loaded(new PodTreeLoader().load(conn, s), null, scope);
            }
        });
        ClusterSnapshot snapshot = loaded.snapshot() == null ? null
                : failing ? loaded.snapshot().failingOnly() : loaded.snapshot();
        List<String> skipped = snapshot != null ? snapshot.skippedNamespaces() : loaded.table().skippedNamespaces();
        if (!skipped.isEmpty()) {
            o.err().println(o.t("cluster", "cluster.cli.skipped", String.join(", ", skipped)));
        }
        if (o.json()) {
            PodsJson.write(snapshot, o.out());
            return ExitCode.OK;
        }
        List<String[]> rows = snapshot != null ? rows(snapshot) : rows(loaded.table());
        if (rows.isEmpty()) {
            o.err().println(o.t("cluster", failing ? "cluster.cli.noPodsFailing" : "cluster.cli.noPods", loaded.scope()));
            return ExitCode.OK;
        }
        List<String> header = new ArrayList<>(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "WORKLOAD"));
        if (allNamespaces.all()) {
            header.add(0, "NAMESPACE");
        }
        rows.add(0, header.toArray(String[]::new));
        Table.print(o.out(), rows);
        return ExitCode.OK;
    }

    /** The rows of the pods of the snapshot, in namespace/name order. */
    private List<String[]> rows(ClusterSnapshot snapshot) {
        Instant now = Instant.now();
        List<PodInfo> pods = new ArrayList<>(snapshot.pods().toList());
        pods.sort(Comparator.comparing(PodInfo::namespace).thenComparing(PodInfo::name));
        List<String[]> rows = new ArrayList<>(pods.size() + 1);
        for (PodInfo p : pods) {
            rows.add(row(p.namespace(), p.name(), p.ready(), p.status(), restarts(p, now),
                    p.created() == null ? "<unknown>" : PodEvent.humanDuration(Duration.between(p.created(), now)),
                    p.workload()));
        }
        return rows;
    }

    /** The rows the server rendered (already in namespace/name order). */
    private List<String[]> rows(PodTableLoader.PodTable table) {
        List<String[]> rows = new ArrayList<>(table.rows().size() + 1);
        for (PodRow r : table.rows()) {
            rows.add(row(r.namespace(), r.name(), r.ready(), r.status(), r.restarts(), r.age(), r.workload()));
        }
        return rows;
    }

    private String[] row(String namespace, String name, String ready, String status, String restarts, String age,
                         WorkloadRef workload) {
        String w = workload.isBarePod() ? "-" : workload.toString();
        return allNamespaces.all() ? new String[] {namespace, name, ready, status, restarts, age, w}
                : new String[] {name, ready, status, restarts, age, w};
    }

    private static String restarts(PodInfo p, Instant now) {
        if (p.restarts() != 0 && p.lastRestart() != null) {
            return p.restarts() + " (" + PodEvent.humanDuration(Duration.between(p.lastRestart(), now)) + " ago)";
        }
        return Integer.toString(p.restarts());
    }
}
