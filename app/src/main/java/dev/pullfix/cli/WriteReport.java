package dev.pullfix.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.proof.FixProof;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code fix} and {@code undo} show of the write path: each plan's preview (what changes, the exact API calls,
 * the equivalent command, the dry-run's answer, the diff with secrets masked) and how each write ended, as text or
 * as records for {@code --json}.
 */
final class WriteReport {
    private WriteReport() {
    }

    /** One plan: its preview and, once it ran, its outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Plan(String kind, String target, String summary, List<String> apiCalls, List<String> equivalentCommands,
                DryRun dryRun, boolean changes, String diff, Result outcome) {
        Plan withOutcome(Result r) {
            return new Plan(kind, target, summary, apiCalls, equivalentCommands, dryRun, changes, diff, r);
        }
    }

    record DryRun(String status, String detail) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String status, boolean wrote, String message, String backupId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Proof(String verdict, String failingPod, String reason, String message, String newCause,
                 List<PodState> pods, long waitedMillis) {}

    record PodState(String name, String phase, String ready, String status, boolean isNew) {}

    static Plan plan(Preview p) {
        return new Plan(p.plan().kind(), p.plan().target().toString(), Output.untrusted(p.plan().summary()),
                p.plan().apiCalls(), p.plan().equivalentCommands(),
                new DryRun(p.dryRun().status().name(), Output.untrusted(p.dryRun().detail())), !p.isNoOp(),
                Output.untrusted(p.diff()), null);
    }

    /** How a write ended, its message in the user's language. */
    static Result result(Output out, Outcome o) {
        return new Result(o.status().name(), o.wrote(), Output.untrusted(out.i18n().text(o.text())),
                o.backup().map(b -> b.id()).orElse(null));
    }

    static Proof proof(FixProof p) {
        return new Proof(p.verdict().name(), p.failingPod(), p.reason(), Output.untrusted(p.message()),
                p.newDiagnosis() == null ? null : p.newDiagnosis().cause(),
                p.pods().stream().map(s -> new PodState(s.name(), s.phase(), s.ready(), s.status(), s.isNew())).toList(),
                p.waited().toMillis());
    }

    /** The preview a person reads before answering "Apply? [y/N]". */
    static void print(Output o, int index, int count, Plan p) {
        PrintWriter out = o.out();
        out.println();
        out.println(o.t("cli", "cli.fix.plan", index, count, p.summary()));
        out.println("  " + o.t("cli", "cli.fix.target", p.target()));
        out.println("  " + o.t("cli", "cli.fix.apiCalls"));
        p.apiCalls().forEach(c -> out.println("    " + c));
        out.println("  " + o.t("cli", "cli.fix.equivalent"));
        p.equivalentCommands().forEach(c -> out.println("    $ " + c));
        out.println("  " + o.t("cli", "cli.fix.dryRun", p.dryRun().status(), p.dryRun().detail()));
        if (!p.changes()) {
            out.println("  " + o.t("cli", "cli.fix.noChange"));
        } else {
            out.println("  " + o.t("cli", "cli.fix.diff"));
            p.diff().lines().forEach(l -> out.println("    " + l));
        }
        out.flush();
    }

    static void print(Output o, Result r) {
        o.line(o.t("cli", "cli.fix.outcome", r.status(), r.message())
                + (r.backupId() == null ? "" : " " + o.t("cli", "cli.fix.backup", r.backupId())));
        o.out().flush();
    }

    static void print(Output o, Proof p) {
        o.line(o.t("cli", "cli.fix.proof." + p.verdict(), p.failingPod() == null ? "" : p.failingPod(),
                p.reason() == null ? "" : p.reason(), p.newCause() == null ? "" : p.newCause()));
        p.pods().forEach(s -> o.line("  " + s.name() + "  " + s.ready() + "  " + s.status()));
        o.out().flush();
    }
}
