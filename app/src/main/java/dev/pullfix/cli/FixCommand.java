package dev.pullfix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.PodPresence;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.DiagnoseAll;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.FixKind;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.ProgressListener;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.service.DiagnosisService;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.fix.planner.FixOffer;
import dev.pullfix.model.fix.planner.FixPlanner;
import dev.pullfix.model.fix.proof.Baseline;
import dev.pullfix.model.fix.proof.FixProof;
import dev.pullfix.model.fix.proof.FixProofService;
import dev.pullfix.model.report.DiagnosisReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix fix [--context C] -n NS POD [--fix KIND] [--set key=value...] [--yes] [--dry-run] [--json]}: the
 * same fix as the workbench's button, through the same front door (diagnosis service, fix planner) and the same
 * write path: preview (diff, dry-run answer, exact API calls, equivalent command), "Apply? [y/N]" on the terminal
 * (no write without y or --yes; no terminal and no --yes writes nothing), backup, apply, verify, audit, then a watch
 * of the pod until it runs or fails again.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Apply the fix the diagnosis proposes for a failing pod, through the write path: preview, "
                + "confirmation, backup, apply, verify, audit; then watch the pod. Undo with: pullfix undo.",
        footer = {"", "Inputs (--set): tag, image, name, server, username, password, policy, policyArn, as the fix needs "
                + "them; VALUE @FILE reads a file, - reads standard input. A password not given is asked on the "
                + "terminal without echo.",
                "JSON fields: namespace, pod, cause, fix (kind, summary, target, details), status (DRY_RUN, APPLIED, CANCELLED, "
                        + "READ_ONLY, MANUAL, ...), plans[] (kind, target, summary, apiCalls, equivalentCommands, dryRun, "
                        + "changes, diff, outcome (status, wrote, message, backupId)), proof (verdict, pods, newCause)."})
public final class FixCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "POD", description = "The failing pod.")
    String pod;

    @Option(names = "--fix", paramLabel = "KIND", description = "Which proposed fix (e.g. IMAGE_TAG_CHANGE, "
            + "CREATE_PULL_SECRET, ECR_POLICY_EDIT; default: the first one Pullfix can write).")
    String kind;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A value the fix needs (repeatable).")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Show the preview and the dry-run's answer; write nothing.")
    boolean dryRun;

    @Option(names = "--watch", paramLabel = "SECONDS", defaultValue = "120",
            description = "After the write, watch the pod this long for Running or a new failure (0: do not watch; "
                    + "default: ${DEFAULT-VALUE}).")
    int watchSeconds;

    @Mixin
    WriteOptions write;

    @Mixin
    AwsOptions aws;

    @Mixin
    RegistryOptions registries;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    private final Prompter prompter;

    public FixCommand() {
        this(Prompter.terminal());
    }

    FixCommand(Prompter prompter) {
        this.prompter = prompter;
    }

    record Result(String namespace, String pod, String cause, Fix fix, String status, List<WriteReport.Plan> plans,
                  WriteReport.Proof proof) {}

    /** @param details the proposal's own fields (as diagnose --json's fixes[].details), e.g. the proposed policy */
    record Fix(String kind, String summary, String target, JsonNode details) {}

    @Override
    public Integer call() throws Exception {
        Output o = Output.of(spec, output);
        if (watchSeconds < 0 || watchSeconds > TimeoutOption.MAX_SECONDS) {
            throw o.usage("--watch must be between 0 and " + TimeoutOption.MAX_SECONDS + " seconds");
        }
        Duration perCall = timeout.perCall();
        try (DiagnosisService service = DiagnosisService.start(DiagnosisService.Options.defaults().withTimeout(perCall));
             ClusterConnection conn = cluster.connect(perCall)) {
            String ns = cluster.namespaceOr(conn);
            Workspace w = Workspaces.of(conn, aws, registries, perCall, timeout.duration());
            CancelToken cancel = new CancelToken();
            Diagnosis d = timeout.start().run(() -> {
                PodPresence.requirePod(conn, ns, pod);
                return service.diagnose(w, new DiagnoseAll.PodRef(ns, pod), null, ProgressListener.NONE, cancel);
            });
            DiagnosisReport reporter = service.report(output.locale());
            try (FixPlanner planner = FixPlanner.of(w, Clock.systemUTC());
                 FixProofService proof = FixProofService.of(w, (n, p) -> service.diagnose(w,
                         new DiagnoseAll.PodRef(n, p), null, ProgressListener.NONE, cancel))) {
                return fix(o, reporter, d, planner, proof, w);
            }
        }
    }

    private int fix(Output o, DiagnosisReport reporter, Diagnosis d, FixPlanner planner, FixProofService proof,
                    Workspace w) throws Exception {
        List<FixOffer> offers = planner.offers(d);
        FixOffer offer = choose(o, offers);
        FixProposal p = offer == null ? null : offer.proposal();
        Fix fix = p == null ? null : new Fix(p.kind().name(), reporter.render(p.summary()),
                p.target().kind() + " " + p.target().name() + (p.target().scope() == null ? "" : " (" + p.target().scope() + ")"),
                details(p));
        if (!o.json()) {
            o.line(o.t("cli", "cli.fix.cause", d.namespace(), d.pod(), d.cause() == null ? "-" : d.cause()));
            if (fix != null) {
                o.line(o.t("cli", "cli.fix.chosen", fix.kind(), fix.summary()));
            }
        }
        if (offer == null || !offer.writable()) {
            o.warn(offer == null ? o.t("cli", "cli.fix.none") : o.t("cli", "cli.fix.manual", fix.kind(), fix.summary()));
            return done(o, new Result(d.namespace(), d.pod(), d.cause(), fix, "MANUAL", List.of(), null), 1);
        }
        List<FixPlan> plans = FixInputsFromUser.plan(o, planner, offer, values, prompter, timeout);
        WritePath path = write.writePath("pullfix fix", w.context(), parent != null && parent.readOnly);
        List<Preview> previews = timeout.start().run(() -> {
            List<Preview> list = new ArrayList<>();
            for (FixPlan plan : plans) {
                list.add(path.preview(plan));
            }
            return list;
        });
        List<WriteReport.Plan> shown = new ArrayList<>(previews.stream().map(WriteReport::plan).toList());
        if (!o.json()) {
            for (int i = 0; i < shown.size(); i++) {
                WriteReport.print(o, i + 1, shown.size(), shown.get(i));
            }
        }
        boolean dryRunFailed = previews.stream().anyMatch(v -> v.dryRun().status() == dev.pullfix.model.fix.DryRun.Status.FAILED);
        if (dryRun) {
            return done(o, new Result(d.namespace(), d.pod(), d.cause(), fix, "DRY_RUN", shown, null), dryRunFailed ? 1 : 0);
        }
        Confirmation c = Confirmation.ask(o, write, prompter, path);
        if (!c.confirmed()) {
            // through the write path, so the audit log records the refusal too
            Outcome refused = path.apply(previews.get(0), x -> false);
            shown.set(0, shown.get(0).withOutcome(WriteReport.result(o, refused)));
            o.warn(c.why(o, refused));
            return done(o, new Result(d.namespace(), d.pod(), d.cause(), fix, refused.status().name(), shown, null), 1);
        }
        String status = "APPLIED";
        for (int i = 0; i < previews.size(); i++) {
            Preview v = previews.get(i);
            Outcome out = timeout.start().run(() -> path.apply(v, x -> true));
            WriteReport.Result r = WriteReport.result(o, out);
            shown.set(i, shown.get(i).withOutcome(r));
            if (!o.json()) {
                WriteReport.print(o, r);
            }
            if (!out.wrote() && out.status() != Outcome.Status.NOTHING_TO_DO) {
                return done(o, new Result(d.namespace(), d.pod(), d.cause(), fix, out.status().name(), shown, null), 1);
            }
        }
        WriteReport.Proof watched = null;
        // the baseline right after the write: a pull that failed between the confirmation and the write (the
        // kubelet retries on its own) is not the fix failing
        Baseline before = watchSeconds > 0 ? baseline(proof, d, p.kind()) : null;
        if (before != null) {
            if (!o.json()) {
                o.line(o.t("cli", "cli.fix.watching", d.pod(), watchSeconds));
            }
            FixProof fp = proof.after(before, Duration.ofSeconds(watchSeconds), new CancelToken(), FixProofService::noProgress);
            watched = WriteReport.proof(fp);
            if (!o.json()) {
                WriteReport.print(o, watched);
            }
            if (fp.verdict() == FixProof.Verdict.STILL_FAILING) {
                status = "STILL_FAILING";
            }
        }
        return done(o, new Result(d.namespace(), d.pod(), d.cause(), fix, status, shown, watched),
                "STILL_FAILING".equals(status) ? 1 : 0);
    }

    /** The offer named by --fix, else the first Pullfix can write, else the first (a manual step). */
    private FixOffer choose(Output o, List<FixOffer> offers) {
        if (kind != null) {
            String k = kind.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return offers.stream().filter(f -> f.proposal().kind().name().equals(k)).findFirst()
                    .orElseThrow(() -> o.usage(o.t("cli", "cli.fix.notProposed", kind, offers.isEmpty() ? "-"
                            : String.join(", ", offers.stream().map(f -> f.proposal().kind().name()).toList()))));
        }
        return offers.stream().filter(FixOffer::writable).findFirst().orElse(offers.isEmpty() ? null : offers.get(0));
    }

    private static JsonNode details(FixProposal p) {
        ObjectNode n = new ObjectMapper().valueToTree(p);
        n.remove(List.of("target", "summary", "kind"));
        return n;
    }

    private static Baseline baseline(FixProofService proof, Diagnosis d, FixKind kind) {
        if (d.workload() == null) {
            return null;
        }
        try {
            return proof.before(d.namespace(), d.workload(), d.pod(), kind);
        } catch (CouldNotCheckException e) {
            return null; // the write still happens; only the watch is left out
        }
    }

    private static int done(Output o, Result r, int exit) {
        if (o.json()) {
            o.printJson(r);
        }
        return exit;
    }
}
