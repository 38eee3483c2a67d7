package dev.pullfix.model.fix;

import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import java.time.Clock;
import java.util.Optional;

/**
 * The one path every write to a cluster or an AWS account takes:
 * preview (diff) → dry-run → explicit confirmation → re-read (refuse if changed) → backup → apply →
 * verify (re-read) → audit entry; undo restores a backup through the same path.
 * Synchronous and thread-agnostic: callers run it off the UI thread.
 */
public final class WritePath {
    private final BackupStore backups;
    private final AuditLog audit;
    private final Clock clock;
    private final String actor;
    private final boolean readOnly;

    public WritePath(BackupStore backups, AuditLog audit, Clock clock, String actor, boolean readOnly) {
        this.backups = backups;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public BackupStore backups() {
        return backups;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Reads the target and builds what the user is shown. Writes nothing. */
    public Preview preview(FixPlan plan) throws FixException {
        StateText current = plan.readCurrent();
        StateText proposed = plan.proposed(current);
        String diff = Redaction.mask(TextDiff.unified(current.pretty(), proposed.pretty(),
                "current " + plan.target(), "proposed " + plan.target()), plan.secrets());
        DryRun dry = current.sameAs(proposed) ? DryRun.notOffered(Texts.english().render(Message.of("fix", "dryRun.nothingToChange")))
                : plan.dryRun(current, proposed);
        return new Preview(plan, current, proposed, diff, dry);
    }

    /**
     * Carries out a previewed fix, asking {@code confirmer} first. Nothing is written when the user declines,
     * when the dry-run failed, in read-only mode, or when the target changed since the preview.
     */
    public Outcome apply(Preview shown, Confirmer confirmer) throws FixException {
        FixPlan plan = shown.plan();
        if (readOnly) {
            record(plan, "REFUSED", shown, null, "READ_ONLY");
            return Outcome.of(Outcome.Status.READ_ONLY, "outcome.readOnly");
        }
        if (shown.isNoOp()) {
            return Outcome.of(Outcome.Status.NOTHING_TO_DO, "outcome.nothingToDo");
        }
        if (shown.dryRun().status() == DryRun.Status.FAILED) {
            record(plan, "REFUSED", shown, null, "DRY_RUN_FAILED");
            return Outcome.of(Outcome.Status.DRY_RUN_FAILED, "outcome.dryRunFailed", shown.dryRun().detail());
        }
        if (!confirmer.confirm(shown)) {
            record(plan, "CANCELLED", shown, null, "CANCELLED");
            return Outcome.of(Outcome.Status.CANCELLED, "outcome.cancelled");
        }
        StateText now = plan.readCurrent();
        if (!now.sameAs(shown.current())) {
            Preview fresh = preview(plan);
            record(plan, "REFUSED", shown, null, "TARGET_CHANGED");
            return new Outcome(Outcome.Status.TARGET_CHANGED, Message.of("fix", "outcome.targetChanged"),
                    Optional.empty(), Optional.of(fresh));
        }
        Backup backup = backups.save(plan.target(), plan.kind(), clock.instant(), now, plan.secrets());
        try {
            plan.apply(now, shown.proposed());
        } catch (FixException e) {
            record(plan, "APPLY", shown, backup, "FAILED: " + e.getMessage());
            return new Outcome(Outcome.Status.FAILED, e.message(), Optional.of(backup), Optional.empty());
        }
        StateText after = plan.readCurrent();
        boolean verified = after.sameAs(shown.proposed());
        record(plan, "APPLY", shown, backup, verified ? "VERIFIED" : "UNVERIFIED");
        return new Outcome(verified ? Outcome.Status.APPLIED : Outcome.Status.APPLIED_UNVERIFIED,
                Message.of("fix", verified ? "outcome.applied" : "outcome.appliedUnverified"),
                Optional.of(backup), Optional.empty());
    }

    /** The preview of undoing {@code backup}: the plan's restore plan, shown like any other fix. */
    public Preview previewUndo(FixPlan original, Backup backup) throws FixException {
        if (!backup.target().equals(original.target())) {
            throw new FixException("That backup belongs to " + backup.target() + ", not " + original.target());
        }
        return preview(original.restore(backup.before()));
    }

    private void record(FixPlan plan, String action, Preview shown, Backup backup, String outcome) throws FixException {
        audit.append(new AuditLog.Entry(clock.instant(), actor, action, plan.kind(), plan.target().toString(),
                Redaction.mask(plan.summary(), plan.secrets()),
                shown.current().text().map(t -> Redaction.mask(t, plan.secrets())).orElse(null),
                shown.proposed().text().map(t -> Redaction.mask(t, plan.secrets())).orElse(null),
                backup == null ? null : backup.id(), outcome));
    }
}
