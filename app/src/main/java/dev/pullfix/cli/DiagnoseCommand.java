package dev.pullfix.cli;

import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.UserText;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodPresence;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.Runbook;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.limits.Deadline;
import dev.pullfix.model.report.DiagnosisReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix diagnose}: replays the seed documents' numbered steps against the live cluster and account
 * (read-only), for one pod or, with {@code --all}, every failing pod grouped by cause. It first makes sure the
 * cluster answers and the namespace and pod exist, and says so (exit 1 / 3) instead of diagnosing a ghost.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Walk a failing pod's runbook (the documents' numbered steps) against the cluster and AWS, "
                + "read-only: each step with its command, live result and verdict; then the fixes.",
        footer = {"", "JSON fields: namespace, pod, image, symptom, cause, finding, eventsGone, runbooks, steps[] (number, "
                + "title, command, commands, verdict, finding, reason, permission, evidence[]), fixes[] (kind, summary, "
                + "summaryCode, args, target, details). With --all: pods, failing, groups[] (cause, runbook, pods, "
                + "fixes[]). Secrets are masked field by field."})
public final class DiagnoseCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    AllNamespacesOption allNamespaces;

    @Option(names = "--all", description = "Every failing pod at once, grouped by cause (shared fetches).")
    boolean all;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD", description = "The failing pod.")
    String pod;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the diagnosis with all evidence, "
            + "secrets masked: Markdown, or HTML when FILE ends in .html.")
    Path report;

    @Option(names = "--runbook", paramLabel = "ID", description = "Open this runbook instead of the one the cause picks.")
    String runbook;

    @Mixin
    AwsOptions aws;

    @Mixin
    RegistryOptions registries;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    record AllResult(int pods, int failing, List<Group> groups) {}

    record Group(String cause, String runbook, List<String> pods, List<Fix> fixes) {}

    record Fix(String kind, String summary) {}

    @Override
    public Integer call() {
        Output o = Output.of(spec, output);
        if (!all && pod == null) {
            throw o.usage("name a POD, or use --all");
        }
        Duration perCall = timeout.perCall();
        // one pod: the cluster is reached (kubeconfig, TLS, the pod's presence) on another thread while the runbooks
        // and the classifier load on this one; a cold start is CPU-bound and has two cores for the two halves
        CompletableFuture<ClusterConnection> reaching = all ? null
                : CompletableFuture.supplyAsync(() -> reachPod(perCall), CONNECTING);
        try (DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults().withTimeout(perCall))) {
            return call(o, service, perCall, reaching);
        } finally {
            if (reaching != null) {
                reaching.whenComplete((conn, e) -> {
                    if (conn != null) {
                        conn.close();
                    }
                });
            }
        }
    }

    /** Runs the reach of the cluster beside the runbooks' loading, on a daemon thread. */
    private static final java.util.concurrent.Executor CONNECTING = work -> {
        Thread t = new Thread(work, "pullfix-connect");
        t.setDaemon(true);
        t.start();
    };

    private int call(Output o, DiagnosisService service, Duration perCall, CompletableFuture<ClusterConnection> reaching) {
        RunbookCatalog catalog = service.catalog();
        int exit = ExitCode.OK;
        String book = runbook;
        if (book != null && catalog.get(book).isEmpty()) {
            // the user's words, and the diagnosis still comes (with the runbook the cause picks)
            o.warn(o.t("cli", "cli.diagnose.unknownRunbook", book,
                    String.join(", ", catalog.all().stream().map(Runbook::id).sorted().toList())));
            book = null;
            exit = ExitCode.USAGE;
        }
        Deadline deadline = timeout.start();
        DiagnosisReport reporter = service.report(output.locale());
        String chosen = book;
        if (all) {
            AllResult r = deadline.run(() -> runAll(service, perCall, reporter));
            printAll(o, r);
            return exit;
        }
        Diagnosis d = deadline.run(() -> diagnose(service, perCall, chosen, reaching));
        o.out().println(o.json() ? reporter.json(d) : reporter.markdown(d));
        o.out().flush();
        if (report != null) {
            try {
                String text = report.toString().endsWith(".html") ? reporter.html(d) : reporter.markdown(d);
                Files.writeString(report, UserText.safe(text), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the diagnosis is already printed; say in one line why the report is not written
                o.warn(new ErrorText(o.i18n()).line(e));
                return ExitCode.of(e);
            }
        }
        return exit;
    }

    /** One pod: once the cluster is reached and the pod is there, walk its runbook (the caller closes the connection). */
    private Diagnosis diagnose(DiagnosisService service, Duration perCall, String book,
                               CompletableFuture<ClusterConnection> reaching) {
        ClusterConnection conn;
        try {
            conn = reaching.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return service.diagnose(workspace(conn, perCall), new DiagnoseAll.PodRef(cluster.namespaceOr(conn), pod), book,
                ProgressListener.NONE, new CancelToken());
    }

    /** Reaches the cluster and makes sure the namespace and the pod are there; the connection, open. */
    private ClusterConnection reachPod(Duration perCall) {
        ClusterConnection conn = cluster.connect(perCall);
        try {
            PodPresence.requirePod(conn, cluster.namespaceOr(conn), pod);
            return conn;
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    private AllResult runAll(DiagnosisService service, Duration perCall, DiagnosisReport reporter) throws Exception {
        try (ClusterConnection conn = cluster.connect(perCall)) {
            String ns = allNamespaces.all() ? null : cluster.namespaceOr(conn);
            if (ns != null) {
                PodPresence.requireNamespace(conn, ns);
            }
            DiagnoseAll.Result r = service.diagnoseAll(workspace(conn, perCall), ns, ProgressListener.NONE,
                    new CancelToken());
            return new AllResult(r.pods(), r.failing(), r.groups().stream().map(g -> new Group(g.cause(), g.runbook(),
                    g.pods().stream().map(p -> p.namespace() + "/" + p.name()).toList(),
                    g.fixes().stream().map(f -> new Fix(String.valueOf(f.kind()), reporter.render(f.summary())))
                            .toList())).toList());
        }
    }

    private void printAll(Output o, AllResult r) {
        if (o.json()) {
            o.printJson(r);
            return;
        }
        o.line(r.failing() + " failing of " + r.pods() + " pods, " + r.groups().size() + " causes");
        for (Group g : r.groups()) {
            o.line(g.cause() + " (" + g.pods().size() + "): " + String.join(", ", g.pods()));
        }
        o.out().flush();
    }

    /** The cluster connection and the AWS account the context maps to (the options win), for the front door. */
    private Workspace workspace(ClusterConnection conn, Duration perCall) {
        return Workspaces.of(conn, aws, registries, perCall, timeout.duration());
    }
}
