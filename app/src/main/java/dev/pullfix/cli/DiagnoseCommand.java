package dev.pullfix.cli;

import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.UserText;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.cluster.PodPresence;
import dev.pullfix.model.connect.Fabric8ClusterPort;
import dev.pullfix.model.connect.GatewayAwsPort;
import dev.pullfix.model.diagnosis.runbook.BuiltInClassifier;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.Runbook;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.limits.Deadline;
import dev.pullfix.model.report.DiagnosisReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        RunbookCatalog catalog = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());
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
        Duration perCall = timeout.perCall();
        DiagnosisReport reporter = new DiagnosisReport(catalog, output.locale());
        String chosen = book;
        if (all) {
            AllResult r = deadline.run(() -> runAll(catalog, perCall, reporter));
            printAll(o, r);
            return exit;
        }
        Diagnosis d = deadline.run(() -> diagnose(catalog, perCall, chosen));
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

    /** One pod: reach the cluster, make sure the pod is there, then walk its runbook. */
    private Diagnosis diagnose(RunbookCatalog catalog, Duration perCall, String book) throws Exception {
        try (ClusterConnection conn = cluster.connect(perCall)) {
            String ns = cluster.namespaceOr(conn);
            PodPresence.requirePod(conn, ns, pod);
            return withEngine(conn, catalog, perCall, engine -> engine.diagnose(
                    new DiagnosisEngine.Request(ns, pod, book, null), new CancelToken(), ProgressListener.NONE));
        }
    }

    private AllResult runAll(RunbookCatalog catalog, Duration perCall, DiagnosisReport reporter) throws Exception {
        try (ClusterConnection conn = cluster.connect(perCall)) {
            String ns = allNamespaces.all() ? null : cluster.namespaceOr(conn);
            if (ns != null) {
                PodPresence.requireNamespace(conn, ns);
            }
            DiagnoseAll.Result r = withEngine(conn, catalog, perCall, engine -> {
                ExecutorService pods = daemonPool("pullfix-pod", 8);
                try {
                    return new DiagnoseAll(engine, new Fabric8ClusterPort(conn, null), pods, 8).run(ns,
                            new CancelToken(), ProgressListener.NONE);
                } finally {
                    pods.shutdownNow();
                }
            });
            return new AllResult(r.pods(), r.failing(), r.groups().stream().map(g -> new Group(g.cause(), g.runbook(),
                    g.pods().stream().map(p -> p.namespace() + "/" + p.name()).toList(),
                    g.fixes().stream().map(f -> new Fix(String.valueOf(f.kind()), reporter.t(f.summary(),
                            f.args().toArray()))).toList())).toList());
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

    private interface EngineWork<T> {
        T run(DiagnosisEngine engine) throws Exception;
    }

    /** The engine over this connection and the AWS account the context maps to; closed afterwards. */
    private <T> T withEngine(ClusterConnection conn, RunbookCatalog catalog, Duration perCall, EngineWork<T> work)
            throws Exception {
        Optional<EksContextMapping> eks = conn.context().eksMapping();
        String awsProfile = aws.profile() != null ? aws.profile() : eks.map(EksContextMapping::profile).orElse(null);
        String awsRegion = aws.region() != null ? aws.region() : eks.map(EksContextMapping::region).orElse(null);
        AwsProfiles profiles = AwsProfiles.load(AwsEnvironment.system());
        // the engine's checks get their own (cached) pool: a pod's diagnosis waits for its checks, so pods and
        // checks sharing one fixed pool would starve each other into timeouts
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pullfix-check");
            t.setDaemon(true);
            return t;
        });
        try (GatewayAwsPort awsPort = new GatewayAwsPort(r -> AwsSession.open(profiles, AwsSessionOptions.defaults()
                .withProfile(awsProfile).withRegion(awsRegion).withResourceRegion(r.isEmpty() ? null : r)
                .withEndpoint(aws.endpoint()).withApiCallTimeout(perCall)), awsRegion)) {
            DiagnosisEngine engine = new DiagnosisEngine(catalog, new DiagnosisEngine.Ports(
                    new Fabric8ClusterPort(conn, eks.map(EksContextMapping::clusterName).orElse(null)), awsPort, null,
                    new PolicyEvaluatorJudge(), BuiltInClassifier.create()), pool,
                    DiagnosisEngine.Options.defaults().withTimeouts(perCall, perCall));
            return work.run(engine);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
