package dev.pullfix.model.diagnosis.service;

import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Fabric8ClusterPort;
import dev.pullfix.model.connect.GatewayAwsPort;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.BuiltInClassifier;
import dev.pullfix.model.diagnosis.checks.Checks;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.report.DiagnosisReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door of the diagnosis, for every front end: owns the runbook catalogue (with the check families), the
 * executors (checks on a cached pool, pods on a bounded one: a pod's diagnosis waits for its checks, so the two
 * never share threads), the policy judge's parse cache, and the AWS ports (one per account view, closed when another
 * is asked for, on {@link #forgetAws()} and on {@link #close()}). It takes a {@link Workspace} (the cluster connection,
 * the AWS account, a registry port) and a pod, or "every failing pod", and answers with the steps as they settle
 * (a {@link ProgressListener}, cancellable through a {@link CancelToken}) and a {@link Diagnosis} whose typed fix
 * proposals the fix planner turns into writes. Read-only.
 */
public final class DiagnosisService implements AutoCloseable {

    /**
     * @param checkTimeout   the longest one step waits for its check
     * @param fetchTimeout   the longest one port call (Kubernetes, AWS, registry) may take
     * @param podParallelism how many pods "every failing pod" diagnoses at once
     * @param runAfterFix    also run the "after the fix" steps (re-checking after a write)
     */
    public record Options(Duration checkTimeout, Duration fetchTimeout, int podParallelism, boolean runAfterFix,
                          Clock clock) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), Duration.ofSeconds(20), 8, false, Clock.systemUTC());
        }

        /** One timeout for each check and each call. */
        public Options withTimeout(Duration d) {
            return new Options(d, d, podParallelism, runAfterFix, clock);
        }

        public Options withClock(Clock c) {
            return new Options(checkTimeout, fetchTimeout, podParallelism, runAfterFix, c);
        }

        public Options withRunAfterFix(boolean b) {
            return new Options(checkTimeout, fetchTimeout, podParallelism, b, clock);
        }

        public Options withPodParallelism(int n) {
            return new Options(checkTimeout, fetchTimeout, Math.max(1, n), runAfterFix, clock);
        }
    }

    /** A diagnosis running on the service's pod executor. */
    public record Run(CancelToken cancel, CompletableFuture<Diagnosis> result) {
    }

    private final RunbookCatalog catalog;
    private final Options options;
    private final ExecutorService checks = Executors.newCachedThreadPool(daemon("pullfix-check"));
    private final ExecutorService pods;
    private final PolicyEvaluatorJudge judge = new PolicyEvaluatorJudge();
    private final BuiltInClassifier classifier = BuiltInClassifier.create();
    private AwsAccess.Key awsKey;
    private GatewayAwsPort awsPort;

    public DiagnosisService(RunbookCatalog catalog, Options options) {
        this.catalog = catalog;
        this.options = options;
        this.pods = Executors.newFixedThreadPool(options.podParallelism(), daemon("pullfix-pod"));
    }

    /** The bundled runbooks over every check family. */
    public static DiagnosisService start(Options options) {
        return new DiagnosisService(RunbookCatalog.load(Checks.all()), options);
    }

    public RunbookCatalog catalog() {
        return catalog;
    }

    /** The report writer (Markdown, HTML, JSON, terminal text) over this catalogue. */
    public DiagnosisReport report(Locale locale) {
        return new DiagnosisReport(catalog, locale);
    }

    /**
     * Diagnoses one pod, blocking: {@code progress} hears each step as it settles (from the engine's threads).
     *
     * @param runbook a runbook id chosen by hand, or null to start from the cause
     */
    public Diagnosis diagnose(Workspace w, DiagnoseAll.PodRef pod, String runbook, ProgressListener progress,
                              CancelToken cancel) {
        return engine(w).diagnose(new DiagnosisEngine.Request(pod.namespace(), pod.name(), runbook, null), cancel, progress);
    }

    public Diagnosis diagnose(Workspace w, DiagnoseAll.PodRef pod, ProgressListener progress, CancelToken cancel) {
        return diagnose(w, pod, null, progress, cancel);
    }

    /** Diagnoses one pod on the service's pod executor; cancel through the run's token. */
    public Run start(Workspace w, DiagnoseAll.PodRef pod, ProgressListener progress) {
        CancelToken cancel = new CancelToken();
        return new Run(cancel, CompletableFuture.supplyAsync(() -> diagnose(w, pod, progress, cancel), pods));
    }

    /**
     * Every failing pod of one namespace ({@code null}: all namespaces), grouped by cause, sharing what is fetched.
     * Blocking; pods run on the service's pod executor.
     */
    public DiagnoseAll.Result diagnoseAll(Workspace w, String namespace, ProgressListener progress, CancelToken cancel)
            throws CouldNotCheckException {
        DiagnosisEngine engine = engine(w);
        return new DiagnoseAll(engine, engine.ports().cluster(), pods, options.podParallelism()).run(namespace, cancel,
                progress);
    }

    private DiagnosisEngine engine(Workspace w) {
        ClusterPort cluster = new Fabric8ClusterPort(w.cluster(), w.clusterName());
        DiagnosisEngine.Options o = DiagnosisEngine.Options.defaults()
                .withTimeouts(options.checkTimeout(), options.fetchTimeout())
                .withRunAfterFix(options.runAfterFix()).withClock(options.clock());
        return new DiagnosisEngine(catalog, new DiagnosisEngine.Ports(cluster, awsPort(w.aws()), w.registry(), judge,
                classifier), checks, o);
    }

    /** One AWS port per account view (profile, region, endpoint); asking for another closes the previous one. */
    private synchronized GatewayAwsPort awsPort(AwsAccess aws) {
        if (aws == null) {
            return null;
        }
        if (awsPort == null || !aws.key().equals(awsKey)) {
            if (awsPort != null) {
                awsPort.close();
            }
            awsPort = new GatewayAwsPort(aws.opener(), aws.region() == null || aws.region().isBlank() ? null : aws.region());
            awsKey = aws.key();
        }
        return awsPort;
    }

    /** Closes the AWS sessions (the context or the profile/region changed); the next diagnosis opens fresh ones. */
    public void forgetAws() {
        GatewayAwsPort old;
        synchronized (this) {
            old = awsPort;
            awsPort = null;
            awsKey = null;
        }
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        forgetAws();
        checks.shutdownNow();
        pods.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
