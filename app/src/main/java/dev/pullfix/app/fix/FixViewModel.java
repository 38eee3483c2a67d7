package dev.pullfix.app.fix;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.fix.Backup;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Drives one fix through the write path from the UI: preview (off the FX thread), explicit confirmation
 * (a dialog on the FX thread), then re-read / backup / apply / verify / audit (off the FX thread), and undo.
 * Read-only mode removes the write actions.
 */
public final class FixViewModel {
    private final WritePath writePath;
    private final TaskRunner tasks;
    private final FixDialogs dialogs;
    private final Consumer<String> activityLog;
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Backup> lastBackup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final I18n i18n;
    private FixPlan plan;
    /** Whether the preview shown is the undo of the last write (its confirmation says so). */
    private boolean undoing;
    /** How the undo of a write made elsewhere is planned (the model's UndoPlanner over live sessions), or null. */
    private java.util.concurrent.Callable<FixPlan> restoring;

    /** Messages in the model's words (tests of the write path); the app passes its {@link I18n}. */
    public FixViewModel(WritePath writePath, TaskRunner tasks, FixDialogs dialogs, Consumer<String> activityLog) {
        this(writePath, tasks, dialogs, activityLog, null);
    }

    /** Messages from the app bundle in the user's language. */
    public FixViewModel(WritePath writePath, TaskRunner tasks, FixDialogs dialogs, Consumer<String> activityLog,
                        I18n i18n) {
        this.writePath = writePath;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.activityLog = activityLog;
        this.i18n = i18n;
    }

    /** The bundle's text for {@code key}, or {@code modelWords} without a bundle. */
    private String text(String modelWords, String key, Object... args) {
        return i18n == null ? modelWords : i18n.t(key, args);
    }

    public boolean readOnly() {
        return writePath.readOnly();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Backup> lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the target and computes the diff and dry-run (never writes). */
    public void load(FixPlan p) {
        this.plan = p;
        this.undoing = false;
        run("preview " + p.kind(), () -> writePath.preview(p), pv -> {
            preview.set(pv);
            message.set(pv.isNoOp() ? text("nothing to change", "fix.preview.noOp")
                    : text("dry-run: " + pv.dryRun().status() + " — " + pv.dryRun().detail(),
                            "fix.confirm.dryRun." + pv.dryRun().status(), pv.dryRun().detail()));
        });
    }

    /**
     * Has the model's fix planner build the plan (off the FX thread: it may open an AWS session), then previews it as
     * {@link #load(FixPlan)} does; a plan that cannot be built says why in the message.
     */
    public void plan(String what, java.util.concurrent.Callable<FixPlan> planning) {
        run(what, planning, this::load);
    }

    /** Asks for confirmation, then writes through the write path. Does nothing without a preview. */
    public void apply() {
        Preview shown = preview.get();
        if (shown == null || busy.get()) {
            return;
        }
        if (readOnly()) {
            message.set(text("read-only mode: nothing is written", "fix.readOnly"));
            return;
        }
        if (!(undoing ? dialogs.confirmUndo(shown) : dialogs.confirm(shown))) {
            run("record cancellation", () -> writePath.apply(shown, p -> false), this::finished);
            return;
        }
        run("apply " + shown.plan().kind(), () -> writePath.apply(shown, p -> true), this::finished);
    }

    /** The plan shown or written last (null before one was loaded). */
    public FixPlan plan() {
        return plan;
    }

    /**
     * Carries on after an earlier write of this target (in another window, or none): its Undo restores that backup
     * with the plan {@code restoring} builds (off the FX thread; the model's {@code UndoPlanner}, whose sessions are
     * open, where the plan of that write may hold closed ones).
     */
    public void resume(Backup backup, java.util.concurrent.Callable<FixPlan> restoring) {
        if (plan == null && backup != null && restoring != null) {
            this.restoring = restoring;
            lastBackup.set(backup);
        }
    }

    /** Previews the undo of the last write (the backup), then confirms and applies it like any fix. */
    public void undo() {
        Backup b = lastBackup.get();
        if (b == null || plan == null && restoring == null || busy.get()) {
            return;
        }
        FixPlan original = plan;
        java.util.concurrent.Callable<FixPlan> elsewhere = original == null ? restoring : null;
        run("preview undo", () -> elsewhere != null ? writePath.preview(elsewhere.call())
                : writePath.previewUndo(original, b), pv -> {
            preview.set(pv);
            plan = pv.plan();
            undoing = true;
            apply();
        });
    }

    private void finished(Outcome o) {
        outcome.set(o);
        undoing = false;
        message.set(i18n == null ? o.message() : i18n.text(o.text())); // the model's code, in the window's language
        activityLog.accept(o.status() + ": " + (preview.get() == null ? "" : preview.get().plan().summary()));
        o.backup().ifPresent(lastBackup::set);
        o.newPreview().ifPresent(preview::set);
    }

    private <T> void run(String what, java.util.concurrent.Callable<T> work, Consumer<T> done) {
        busy.set(true);
        tasks.submit(what, work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            activityLog.accept("failed: " + what + ": " + message.get());
        });
    }
}
