package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.PodTreeLoader;
import dev.pullfix.model.cluster.WorkloadNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix pods [--context C] [-n NS | -A] [--failing] [--json] [--kubeconfig FILE]}: the pod tree as a
 * kubectl-like table (with each pod's workload), or as JSON namespaces > workloads > pods > containers.
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

    record Tree(String context, String takenAt, boolean clusterWide, String resourceVersion,
                List<String> skippedNamespaces, Summary summary, List<Namespace> namespaces) {}

    record Summary(int pods, int failingPods) {}

    record Namespace(String name, int podCount, int failingPods, int failingWorkloads, List<Workload> workloads) {}

    record Workload(String kind, String name, int podCount, int failingPods, List<Pod> pods) {}

    record Pod(String name, String uid, String phase, String status, String ready, int restarts, String node,
               String created, boolean failing, String failure, String failureMessage, List<Container> containers) {}

    record Container(String name, String kind, String image, String imagePullPolicy, String state, String reason,
                     String message, int restartCount, boolean ready) {}

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        if (allNamespaces.all() && cluster.namespace() != null) {
            throw o.usage("use either -n NAMESPACE or -A, not both");
        }
        record Loaded(ClusterSnapshot snapshot, String scope) {}
        Loaded loaded = timeout.start().run(() -> {
            try (ClusterConnection conn = cluster.connect(timeout.perCall())) {
                String ns = allNamespaces.all() ? null : cluster.namespaceOr(conn);
                return new Loaded(new PodTreeLoader().load(conn, new PodTreeLoader.Scope(ns)),
                        ns == null ? o.t("cluster", "cluster.cli.allNamespaces") : ns);
            }
        });
        ClusterSnapshot snapshot = failing ? loaded.snapshot().failingOnly() : loaded.snapshot();
        if (!snapshot.skippedNamespaces().isEmpty()) {
            o.err().println(o.t("cluster", "cluster.cli.skipped", String.join(", ", snapshot.skippedNamespaces())));
        }
        if (o.json()) {
            o.printJson(tree(snapshot));
            return ExitCode.OK;
        }
        if (snapshot.podCount() == 0) {
            o.err().println(o.t("cluster", failing ? "cluster.cli.noPodsFailing" : "cluster.cli.noPods", loaded.scope()));
            return ExitCode.OK;
        }
        Instant now = Instant.now();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "WORKLOAD"));
        if (allNamespaces.all()) {
            header.add(0, "NAMESPACE");
        }
        rows.add(header.toArray(String[]::new));
        List<PodInfo> pods = new ArrayList<>(snapshot.pods().toList());
        pods.sort(Comparator.comparing(PodInfo::namespace).thenComparing(PodInfo::name));
        for (PodInfo p : pods) {
            List<String> r = new ArrayList<>(List.of(p.name(), p.ready(), p.status(), restarts(p, now),
                    p.created() == null ? "<unknown>" : PodEvent.humanDuration(Duration.between(p.created(), now)),
                    p.workload().isBarePod() ? "-" : p.workload().toString()));
            if (allNamespaces.all()) {
                r.add(0, p.namespace());
            }
            rows.add(r.toArray(String[]::new));
        }
        Table.print(o.out(), rows);
        return ExitCode.OK;
    }

    private static String restarts(PodInfo p, Instant now) {
        if (p.restarts() != 0 && p.lastRestart() != null) {
            return p.restarts() + " (" + PodEvent.humanDuration(Duration.between(p.lastRestart(), now)) + " ago)";
        }
        return Integer.toString(p.restarts());
    }

    static Tree tree(ClusterSnapshot s) {
        return new Tree(s.context(), s.takenAt().toString(), s.clusterWide(), s.resourceVersion(),
                List.copyOf(s.skippedNamespaces()), new Summary(s.podCount(), s.failingPodCount()),
                s.namespaces().stream().map(PodsCommand::namespace).toList());
    }

    private static Namespace namespace(NamespaceNode n) {
        return new Namespace(n.name(), n.pods(), n.failingPods(), n.failingWorkloads(),
                n.workloads().stream().map(PodsCommand::workload).toList());
    }

    private static Workload workload(WorkloadNode w) {
        return new Workload(w.ref().kind(), w.ref().name(), w.pods().size(), w.failingPods(),
                w.pods().stream().map(PodsCommand::pod).toList());
    }

    private static Pod pod(PodInfo p) {
        return new Pod(p.name(), p.uid(), p.phase(), p.status(), p.ready(), p.restarts(), p.node(),
                p.created() == null ? null : p.created().toString(), p.failing(),
                p.failure() == null ? null : p.failure().reason(), Output.untrusted(p.failureMessage()),
                p.containers().stream().map(PodsCommand::container).toList());
    }

    private static Container container(ContainerInfo c) {
        return new Container(c.name(), c.kind().name().toLowerCase(Locale.ROOT), c.image(), c.imagePullPolicy(),
                c.state().name().toLowerCase(Locale.ROOT), c.reason(), Output.untrusted(c.message()), c.restartCount(),
                c.ready());
    }
}
