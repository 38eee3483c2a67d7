package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.Fabric8ClusterPort;
import dev.pullfix.model.connect.GatewayAwsPort;
import dev.pullfix.model.diagnosis.runbook.BuiltInClassifier;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.DiagnosisEngine;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.FixPlan;
import dev.pullfix.model.diagnosis.runbook.PolicyEvaluatorJudge;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.RunbookCatalog;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.report.DiagnosisReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The wizard's default planner: walks the runbooks ({@link DiagnosisEngine}) for the selected pod against the current
 * cluster connection and AWS profile/region, and turns each runbook step (number, title, explanation, commands,
 * verdict with reason and missing permission, evidence) into a wizard step in the UI language. Keeps one
 * {@link GatewayAwsPort} per connection + profile + region and closes it when they change. Falls back to the
 * {@link ClassifierPlanner}'s steps when there is no connection to walk against.
 */
public final class RunbookPlanner implements DiagnosisPlanner.Walking, AutoCloseable {

    /**
     * What a walk runs against, read on the UI thread.
     *
     * @param aws opens an AWS session for a resource region ("" = the profile's), or null when AWS is not configured
     */
    public record Target(ClusterConnection connection, String clusterName, String profile, String region,
                         Function<String, AwsSession> aws) {
    }

    private final I18n i18n;
    private final Supplier<Target> target;
    private final DiagnosisPlanner fallback;
    private final Duration timeout;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pullfix-runbook");
        t.setDaemon(true);
        return t;
    });
    private volatile dev.pullfix.model.diagnosis.runbook.port.RegistryPort registry;
    private RunbookCatalog catalog;
    private GatewayAwsPort aws;
    private Object awsKey;

    /**
     * @param target   the current connection and AWS settings (called on the UI thread)
     * @param fallback the steps to show when the engine cannot start (no connection, no runbooks)
     * @param timeout  the longest one check or AWS call may take
     */
    public RunbookPlanner(I18n i18n, Supplier<Target> target, DiagnosisPlanner fallback, Duration timeout) {
        this.i18n = i18n;
        this.target = target;
        this.fallback = fallback;
        this.timeout = timeout;
    }

    /** A registry adapter for non-ECR images (none ships yet: those checks say "could not check"). */
    public RunbookPlanner withRegistry(dev.pullfix.model.diagnosis.runbook.port.RegistryPort r) {
        this.registry = r;
        return this;
    }

    @Override
    public List<DiagnosisStep> plan(PodInfo pod) {
        return fallback.plan(pod);
    }

    @Override
    public Object prepare(PodInfo pod) {
        Target t = target.get();
        return t == null || t.connection() == null ? null : t;
    }

    @Override
    public Walk walk(PodInfo pod, Object prepared, CancelToken cancel, Consumer<DiagnosisStep> stepDone) {
        Target t = (Target) prepared;
        Fabric8ClusterPort cluster = new Fabric8ClusterPort(t.connection(), t.clusterName());
        DiagnosisEngine engine = new DiagnosisEngine(catalog(), new DiagnosisEngine.Ports(
                cluster, awsPort(t), registry, new PolicyEvaluatorJudge(),
                BuiltInClassifier.create()), pool, DiagnosisEngine.Options.defaults().withTimeouts(timeout, timeout));
        Locale locale = i18n.locale();
        DiagnosisReport report = new DiagnosisReport(catalog(), locale);
        int[] n = {0};
        List<DiagnosisStep> steps = new ArrayList<>();
        Diagnosis d = engine.diagnose(DiagnosisEngine.Request.of(pod.namespace(), pod.name()), cancel,
                new ProgressListener() {
                    @Override
                    public synchronized void stepDone(dev.pullfix.model.diagnosis.runbook.StepResult step) {
                        DiagnosisStep s = convert(++n[0], step, report, locale, i18n);
                        steps.add(s);
                        stepDone.accept(s);
                    }
                });
        synchronized (this) {
            if (steps.size() < d.steps().size()) { // an engine that settles without telling: convert what it returned
                steps.clear();
                int i = 0;
                for (var s : d.steps()) {
                    steps.add(convert(++i, s, report, locale, i18n));
                }
            }
        }
        StepResult conclusion = null;
        if (d.finding() != null) {
            String cause = report.t("finding." + d.finding().code(), d.finding().args().toArray());
            conclusion = StepResult.of(StepResult.Verdict.PROBLEM, cause, new StepResult.None());
        } else if (d.cause() != null) {
            // only the kubelet's side is known: name the category and the steps that could not confirm it
            String cause = i18n.find("classifier", "category." + d.cause()).map(c -> c + " (" + d.cause() + ")")
                    .orElse(d.cause());
            List<String> open = steps.stream().filter(s -> resultOf(s).verdict() == StepResult.Verdict.COULD_NOT_CHECK)
                    .map(s -> String.valueOf(s.number())).toList();
            if (!open.isEmpty()) {
                cause = i18n.t("wizard.unconfirmed", cause, String.join(", ", open));
            }
            conclusion = StepResult.of(StepResult.Verdict.PROBLEM, cause, new StepResult.None());
        }
        List<FixOffer> fixes = new ArrayList<>();
        for (FixPlan f : d.fixes()) {
            fixes.add(new FixOffer(f, report.t(f.summary(), f.args().toArray())));
        }
        if (!d.cancelled() && "TAG_NOT_FOUND".equals(d.cause()) && fixes.stream().noneMatch(
                f -> f.plan().kind() == dev.pullfix.model.diagnosis.runbook.FixKind.IMAGE_TAG_CHANGE)) {
            // the kubelet said "not found" but the registry could not be asked from here: still offer the tag change
            tagChangeFromKubelet(cluster, pod, report).ifPresent(f -> fixes.add(0, f));
        }
        return new Walk(steps, conclusion, fixes, d.cancelled());
    }

    private static java.util.Optional<FixOffer> tagChangeFromKubelet(Fabric8ClusterPort cluster, PodInfo pod,
                                                                    DiagnosisReport report) {
        try {
            var facts = cluster.pod(pod.namespace(), pod.name());
            var failing = pod.containers().stream().filter(c -> c.failure().isPresent()).findFirst();
            if (failing.isEmpty()) {
                return java.util.Optional.empty();
            }
            String image = failing.get().image();
            String tag = image.contains("@") ? "" : image.lastIndexOf(':') > image.lastIndexOf('/')
                    ? image.substring(image.lastIndexOf(':') + 1) : "latest";
            FixPlan plan = new FixPlan(dev.pullfix.model.diagnosis.runbook.FixKind.IMAGE_TAG_CHANGE,
                    "fix.imageTagChange", List.of(failing.get().name(), tag), new FixPlan.Target(facts.owner().kind(),
                    facts.owner().name(), pod.namespace()), java.util.Map.of("container", failing.get().name(),
                    "currentTag", tag));
            return java.util.Optional.of(new FixOffer(plan, report.t(plan.summary(), plan.args().toArray())));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static StepResult resultOf(DiagnosisStep s) {
        try {
            return s.check().call();
        } catch (Exception e) {
            return StepResult.couldNotCheck(String.valueOf(e.getMessage()), null);
        }
    }

    private synchronized RunbookCatalog catalog() {
        if (catalog == null) {
            catalog = RunbookCatalog.load(dev.pullfix.model.diagnosis.checks.Checks.all());
        }
        return catalog;
    }

    /** One AWS port per connection + profile + region; the previous one is closed when they change. */
    private synchronized GatewayAwsPort awsPort(Target t) {
        if (t.aws() == null) {
            return null;
        }
        List<Object> key = java.util.Arrays.asList(System.identityHashCode(t.connection()), t.profile(), t.region());
        if (aws == null || !Objects.equals(key, awsKey)) {
            if (aws != null) {
                aws.close();
            }
            aws = new GatewayAwsPort(t.aws(), t.region() == null || t.region().isBlank() ? null : t.region());
            awsKey = key;
        }
        return aws;
    }

    /** Closes the AWS port (the context or the profile/region changed); the next walk opens a fresh one. */
    public void forgetAws() {
        GatewayAwsPort old;
        synchronized (this) {
            old = aws;
            aws = null;
            awsKey = null;
        }
        if (old != null) {
            old.close();
        }
    }

    static DiagnosisStep convert(int number, dev.pullfix.model.diagnosis.runbook.StepResult s, DiagnosisReport report,
                                 Locale locale, I18n i18n) {
        var step = s.step();
        var o = s.outcome();
        StepResult.Verdict v = switch (s.verdict()) {
            case OK -> StepResult.Verdict.OK;
            case PROBLEM -> StepResult.Verdict.PROBLEM;
            case COULD_NOT_CHECK -> StepResult.Verdict.COULD_NOT_CHECK;
            case SKIPPED -> StepResult.Verdict.SKIPPED;
            case PENDING -> StepResult.Verdict.PENDING;
        };
        String summary = o.finding() == null ? "" : report.t("finding." + o.finding().code(), o.finding().args().toArray());
        String missing = null;
        if (v == StepResult.Verdict.COULD_NOT_CHECK) {
            if (o.permission() != null) {
                missing = o.permission();
            } else if (o.reason() != null && o.detail() != null && !o.detail().isBlank()) {
                summary = summary + " (" + o.detail() + ")";
            }
        }
        List<StepResult.Evidence> parts = new ArrayList<>();
        for (Evidence e : o.evidence()) {
            StepResult.Evidence inner = evidence(e);
            if (inner != null) {
                parts.add(e.label() == null ? inner : new StepResult.Labeled(report.t(e.label()), inner));
            }
        }
        StepResult.Evidence ev = parts.isEmpty() ? new StepResult.None()
                : parts.size() == 1 ? parts.get(0) : new StepResult.Group(parts);
        StepResult result = new StepResult(v, summary, ev, missing);
        String title = step.title().in(locale);
        String number1 = step.numberIn(locale);
        // the badge counts the steps walked; where the guide numbers the step differently, the title says so
        String shown = number1 == null || number1.isBlank() || number1.equals(String.valueOf(number)) ? title
                : i18n.t("wizard.docNumber", title, number1);
        return new DiagnosisStep(number, shown, step.explain() == null ? "" : step.explain().in(locale),
                String.join("\n", s.commands()), () -> result);
    }

    private static StepResult.Evidence evidence(Evidence e) {
        if (e.body() != null && !e.body().isBlank()) {
            if (e.kind() == Show.JSON || e.kind() == Show.POLICY_STATEMENTS && e.body().trim().startsWith("{")) {
                return new StepResult.Json(e.body());
            }
            return new StepResult.Statements(e.body().lines().toList());
        }
        if (!e.rows().isEmpty()) {
            return new StepResult.Table(e.columns(), e.rows());
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (aws != null) {
            aws.close();
            aws = null;
        }
        pool.shutdownNow();
    }
}
