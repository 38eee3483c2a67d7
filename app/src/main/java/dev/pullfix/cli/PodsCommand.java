package dev.pullfix.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ContainerInfo;
import dev.pullfix.model.cluster.NamespaceNode;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.PodTreeLoader;
import dev.pullfix.model.cluster.WorkloadNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pullfix pods [--context C] [-n NS | -A] [--failing] [--json] [--kubeconfig FILE]}: the pod tree as a
 * kubectl-like table (with each pod's workload), or as JSON namespaces > workloads > pods > containers.
 */
@Command(name = "pods", mixinStandardHelpOptions = true,
        description = "List pods with their workload and pull failures (ErrImagePull, ImagePullBackOff, ...).")
public final class PodsCommand implements Callable<Integer> {

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context (default: current).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "All namespaces.")
    boolean all;

    @Option(names = "--failing", description = "Only failing pods (and their workloads and namespaces).")
    boolean failing;

    @Option(names = "--json", description = "Print the tree as JSON.")
    boolean json;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (all && namespace != null) {
            err.println("pullfix pods: use either -n NAMESPACE or -A, not both");
            return 2;
        }
        ClusterSnapshot snapshot;
        String scopeName;
        try (ClusterConnection conn = ClusterCli.connect(kubeconfig, context)) {
            String ns = all ? null : namespace != null ? namespace : conn.defaultNamespace();
            scopeName = ns == null ? ClusterCli.text("cluster.cli.allNamespaces") : ns;
            snapshot = new PodTreeLoader().load(conn, new PodTreeLoader.Scope(ns));
        } catch (ClusterError e) {
            return ClusterCli.fail(err, "pods", e);
        }
        if (failing) {
            snapshot = snapshot.failingOnly();
        }
        if (!snapshot.skippedNamespaces().isEmpty()) {
            err.println(ClusterCli.text("cluster.cli.skipped", String.join(", ", snapshot.skippedNamespaces())));
        }
        if (json) {
            out.println(toJson(snapshot));
            return 0;
        }
        if (snapshot.podCount() == 0) {
            err.println(ClusterCli.text(failing ? "cluster.cli.noPodsFailing" : "cluster.cli.noPods", scopeName));
            return 0;
        }
        Instant now = Instant.now();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "WORKLOAD"));
        if (all) {
            header.add(0, "NAMESPACE");
        }
        rows.add(header.toArray(String[]::new));
        List<PodInfo> pods = new ArrayList<>(snapshot.pods().toList());
        pods.sort((a, b) -> {
            int c = a.namespace().compareTo(b.namespace());
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        for (PodInfo p : pods) {
            List<String> r = new ArrayList<>(List.of(p.name(), p.ready(), p.status(), restarts(p, now),
                    p.created() == null ? "<unknown>" : PodEvent.humanDuration(Duration.between(p.created(), now)),
                    p.workload().isBarePod() ? "-" : p.workload().toString()));
            if (all) {
                r.add(0, p.namespace());
            }
            rows.add(r.toArray(String[]::new));
        }
        ClusterCli.table(out, "", rows);
        return 0;
    }

    private static String restarts(PodInfo p, Instant now) {
        if (p.restarts() != 0 && p.lastRestart() != null) {
            return p.restarts() + " (" + PodEvent.humanDuration(Duration.between(p.lastRestart(), now)) + " ago)";
        }
        return Integer.toString(p.restarts());
    }

    static String toJson(ClusterSnapshot s) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("context", s.context());
        root.put("takenAt", s.takenAt().toString());
        root.put("clusterWide", s.clusterWide());
        root.put("resourceVersion", s.resourceVersion());
        ArrayNode skipped = root.putArray("skippedNamespaces");
        s.skippedNamespaces().forEach(skipped::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("pods", s.podCount());
        summary.put("failingPods", s.failingPodCount());
        ArrayNode nss = root.putArray("namespaces");
        for (NamespaceNode n : s.namespaces()) {
            ObjectNode nn = nss.addObject();
            nn.put("name", n.name());
            nn.put("podCount", n.pods());
            nn.put("failingPods", n.failingPods());
            nn.put("failingWorkloads", n.failingWorkloads());
            ArrayNode ws = nn.putArray("workloads");
            for (WorkloadNode w : n.workloads()) {
                ObjectNode wn = ws.addObject();
                wn.put("kind", w.ref().kind());
                wn.put("name", w.ref().name());
                wn.put("podCount", w.pods().size());
                wn.put("failingPods", w.failingPods());
                ArrayNode ps = wn.putArray("pods");
                for (PodInfo p : w.pods()) {
                    ObjectNode pn = ps.addObject();
                    pn.put("name", p.name());
                    pn.put("uid", p.uid());
                    pn.put("phase", p.phase());
                    pn.put("status", p.status());
                    pn.put("ready", p.ready());
                    pn.put("restarts", p.restarts());
                    pn.put("node", p.node());
                    pn.put("created", p.created() == null ? null : p.created().toString());
                    pn.put("failing", p.failing());
                    pn.put("failure", p.failure() == null ? null : p.failure().reason());
                    pn.put("failureMessage", p.failureMessage());
                    ArrayNode cs = pn.putArray("containers");
                    for (ContainerInfo c : p.containers()) {
                        ObjectNode cn = cs.addObject();
                        cn.put("name", c.name());
                        cn.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                        cn.put("image", c.image());
                        cn.put("imagePullPolicy", c.imagePullPolicy());
                        cn.put("state", c.state().name().toLowerCase(java.util.Locale.ROOT));
                        cn.put("reason", c.reason());
                        cn.put("message", c.message());
                        cn.put("restartCount", c.restartCount());
                        cn.put("ready", c.ready());
                    }
                }
            }
        }
        return m.writeValueAsString(root);
    }
}
