package dev.pullfix.app.wizard;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.Show;
import dev.pullfix.model.diagnosis.runbook.port.RegistryPort;
import dev.pullfix.model.report.DiagnosisReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The wizard's default planner: asks the model's {@link DiagnosisService} to walk the runbooks for the selected pod
 * against the current cluster connection and AWS profile/region, and turns each step (number, title, explanation,
 * commands, verdict with reason and missing permission, evidence) into a wizard step in the UI language, and each
 * proposed fix into a button label. Falls back to the {@link ClassifierPlanner}'s steps when there is no connection
 * to walk against.
 */
public final class RunbookPlanner implements DiagnosisPlanner.Walking, AutoCloseable {

    /**
     * What a walk runs against, read on the UI thread.
     *
     * @param aws opens an AWS session for a resource region ("" = the profile's), or null when AWS is not configured
     */
    /** @param registry asks the pod's registries (the connection's pull secrets), or null: that family says so */
    public record Target(ClusterConnection connection, String clusterName, String profile, String region,
                         Function<String, AwsSession> aws, RegistryPort registry) {
        public Target(ClusterConnection connection, String clusterName, String profile, String region,
                      Function<String, AwsSession> aws) {
            this(connection, clusterName, profile, region, aws, null);
        }
    }

    private final I18n i18n;
    private final Supplier<Target> target;
    private final DiagnosisPlanner fallback;
    private final Duration timeout;
    private volatile RegistryPort registry;
    private DiagnosisService service;

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

    /** A registry adapter for targets that bring none (tests); a target's own registry port wins. */
    public RunbookPlanner withRegistry(RegistryPort r) {
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
        Workspace workspace = new Workspace(t.connection(), t.clusterName(), t.aws() == null ? null
                : new AwsAccess(t.profile(), blankToNull(t.region()), null, t.aws()),
                t.registry() != null ? t.registry() : registry);
        Locale locale = i18n.locale();
        DiagnosisService service = service();
        DiagnosisReport report = service.report(locale);
        int[] n = {0};
        List<DiagnosisStep> steps = new ArrayList<>();
        Diagnosis d = service.diagnose(workspace, new DiagnoseAll.PodRef(pod.namespace(), pod.name()),
                new ProgressListener() {
                    @Override
                    public synchronized void stepDone(dev.pullfix.model.diagnosis.runbook.StepResult step) {
                        DiagnosisStep s = convert(++n[0], step, report, locale, i18n);
                        steps.add(s);
                        stepDone.accept(s);
                    }
                }, cancel);
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
        for (FixProposal f : d.fixes()) {
            fixes.add(new FixOffer(f, i18n.text(f.summary())));
        }
        return new Walk(steps, conclusion, fixes, d.cancelled());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static StepResult resultOf(DiagnosisStep s) {
        try {
            return s.check().call();
        } catch (Exception e) {
            return StepResult.couldNotCheck(String.valueOf(e.getMessage()), null);
        }
    }

    /** The model's diagnosis service, started on the first walk (the runbooks load then, not at window start). */
    private synchronized DiagnosisService service() {
        if (service == null) {
            service = DiagnosisService.start(DiagnosisService.Options.defaults().withTimeout(timeout));
        }
        return service;
    }

    /** Closes the AWS sessions (the context or the profile/region changed); the next walk opens fresh ones. */
    public void forgetAws() {
        DiagnosisService s;
        synchronized (this) {
            s = service;
        }
        if (s != null) {
            s.forgetAws();
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
        if (service != null) {
            service.close();
            service = null;
        }
    }
}
