package dev.pullfix.cli;

import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pullfix events [--context C] [-n NS] POD}: the pod's events as {@code kubectl describe pod} shows them. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Show a pod's events (oldest first) as kubectl describe pod prints them.",
        footer = {"", "JSON fields: an array of events (type, reason, age, from, message, count, firstTimestamp, "
                + "lastTimestamp). Messages have secrets masked and control characters removed."})
public final class EventsCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "POD", description = "The pod name.")
    String pod;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    record Event(String type, String reason, String age, String from, String message, int count, String firstTimestamp,
                 String lastTimestamp) {}

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        List<PodEvent> events = timeout.start().run(() -> {
            try (ClusterConnection conn = cluster.connect(timeout.perCall())) {
                return new PodEvents().load(conn, cluster.namespaceOr(conn), pod);
            }
        });
        Instant now = Instant.now();
        if (o.json()) {
            o.printJson(events.stream().map(e -> new Event(e.type(), e.reason(), e.age(now), e.from(),
                    Output.untrusted(e.message()), e.count(), e.first() == null ? null : e.first().toString(),
                    e.last() == null ? null : e.last().toString())).toList());
            return ExitCode.OK;
        }
        if (events.isEmpty()) {
            o.line("Events:  <none>");
            return ExitCode.OK;
        }
        o.line("Events:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Type", "Reason", "Age", "From", "Message"});
        rows.add(new String[] {"----", "------", "----", "----", "-------"});
        for (PodEvent e : events) {
            rows.add(new String[] {e.type(), e.reason(), e.age(now), e.from(),
                    dev.pullfix.app.common.UserText.oneLine(Output.untrusted(e.message()))});
        }
        // describe's tabwriter separates columns by two spaces
        Table.print(o.out(), "  ", 2, rows);
        return ExitCode.OK;
    }
}
