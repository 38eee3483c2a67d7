package dev.pullfix.app.wizard;

import dev.pullfix.app.common.CauseNames;
import dev.pullfix.app.common.I18n;
import dev.pullfix.model.diagnosis.runbook.Diagnosis;
import dev.pullfix.model.diagnosis.runbook.Evidence;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.StepResult;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import java.util.List;

/**
 * The model's diagnosis in the UI language: step titles (with the guide's own number where it differs), findings
 * (bundle {@code diagnosis}, cause codes replaced by their readable names), verdict lines, the conclusion, evidence
 * captions and fix labels. One place, so the wizard, the failing list and the fix buttons say the same.
 */
public final class DiagnosisText {
    private final I18n i18n;
    private final CauseNames causes;

    public DiagnosisText(I18n i18n) {
        this.i18n = i18n;
        this.causes = new CauseNames(i18n);
    }

    /** The step's title; where the guide numbers it differently from the walk, the title says so. */
    public String title(int number, StepResult r) {
        String title = r.step().title().in(i18n.locale());
        String guide = r.step().numberIn(i18n.locale());
        return guide == null || guide.isBlank() || guide.equals(String.valueOf(number)) ? title
                : i18n.t("wizard.docNumber", title, guide);
    }

    public String explanation(StepResult r) {
        return r.step().explain() == null ? "" : r.step().explain().in(i18n.locale());
    }

    /** The commands a person would type, one per line. */
    public String commands(StepResult r) {
        return String.join("\n", r.commands());
    }

    /** What the check concluded, in words (and why it could not check, when the model says). */
    public String summary(StepResult r) {
        var o = r.outcome();
        String text = o.finding() == null ? "" : finding(o.finding());
        if (r.verdict() == Verdict.COULD_NOT_CHECK && o.permission() == null && o.reason() != null
                && o.detail() != null && !o.detail().isBlank()) {
            text = text + " (" + o.detail() + ")";
        }
        return text;
    }

    /** The verdict label, the summary and a missing permission. */
    public String verdict(StepResult r) {
        String label = i18n.t("verdict." + r.verdict().name());
        String summary = summary(r);
        // "could not check" findings already start with it
        String text = summary.startsWith(label) ? summary : summary.isEmpty() ? label : label + ": " + summary;
        if (r.outcome().permission() != null) {
            text += "\n" + i18n.t("wizard.missingPermission", r.outcome().permission());
        }
        return text;
    }

    public String finding(Finding f) {
        Object[] args = f.args().stream().map(causes::readable).toArray();
        return i18n.text("diagnosis", "finding." + f.code(), args);
    }

    /** The cause the walk ends on, in words; null when it found none. */
    public String conclusion(Diagnosis d, int[] unconfirmedSteps) {
        if (d.finding() != null) {
            return finding(d.finding());
        }
        if (d.cause() == null) {
            return null;
        }
        String cause = causes.name(d.cause());
        if (unconfirmedSteps.length > 0) {
            List<String> open = java.util.Arrays.stream(unconfirmedSteps).mapToObj(String::valueOf).toList();
            cause = i18n.t("wizard.unconfirmed", cause, String.join(", ", open));
        }
        return cause;
    }

    /** The readable name of the diagnosis's cause (for lists), or empty. */
    public String causeName(Diagnosis d) {
        return d.cause() == null ? "" : causes.name(d.cause());
    }

    public String evidenceLabel(Evidence e) {
        return e.label() == null ? "" : i18n.text("diagnosis", e.label());
    }

    public String fixLabel(FixProposal p) {
        return i18n.text(p.summary());
    }
}
