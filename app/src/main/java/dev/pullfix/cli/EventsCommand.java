package dev.pullfix.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodEvents;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pullfix events [--context C] [-n NS] POD}: the pod's events as {@code kubectl describe pod} shows them. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Show a pod's events (oldest first) as kubectl describe pod prints them.")
public final class EventsCommand implements Callable<Integer> {

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context (default: current).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: the context's).")
    String namespace;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Use this kubeconfig file only.")
    Path kubeconfig;

    @Parameters(index = "0", paramLabel = "POD", description = "The pod name.")
    String pod;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        List<PodEvent> events;
        String ns;
        try (ClusterConnection conn = ClusterCli.connect(kubeconfig, context)) {
            ns = namespace != null ? namespace : conn.defaultNamespace();
            events = new PodEvents().load(conn, ns, pod);
        } catch (ClusterError e) {
            return ClusterCli.fail(err, "events", e);
        }
        Instant now = Instant.now();
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode arr = m.createArrayNode();
            for (PodEvent e : events) {
                var n = arr.addObject();
                n.put("type", e.type());
                n.put("reason", e.reason());
                n.put("age", e.age(now));
                n.put("from", e.from());
                n.put("message", e.message());
                n.put("count", e.count());
                n.put("firstTimestamp", e.first() == null ? null : e.first().toString());
                n.put("lastTimestamp", e.last() == null ? null : e.last().toString());
            }
            out.println(m.writeValueAsString(arr));
            return 0;
        }
        if (events.isEmpty()) {
            out.println("Events:  <none>");
            return 0;
        }
        out.println("Events:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Type", "Reason", "Age", "From", "Message"});
        rows.add(new String[] {"----", "------", "----", "----", "-------"});
        for (PodEvent e : events) {
            rows.add(new String[] {e.type(), e.reason(), e.age(now), e.from(), e.message()});
        }
        // describe's tabwriter separates columns by two spaces
        printDescribeTable(rows);
        return 0;
    }

    private void printDescribeTable(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i] == null ? 0 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                String cell = r[i] == null ? "" : r[i];
                sb.append(cell);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
