package dev.pullfix.app.activity;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.I18n;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The activity log of the main window (newest last, at most {@value #MAX_LINES} lines) and the one place failures
 * are told to the user: {@link #taskFailed} records every failed task with its description (the shell's task runner
 * reports to it), {@link #notifyFailure} shows a readable notification with details on demand; and the last write,
 * offered for undo ({@link #offerUndo}) wherever it was made (the wizard or a policy window). UI thread only.
 */
public final class ActivityViewModel {
    static final int MAX_LINES = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final I18n i18n;
    private final DialogService dialogs;
    private final Clock clock;
    private final ErrorText errors;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyObjectWrapper<UndoOffer> undoOffer = new ReadOnlyObjectWrapper<>();

    /**
     * The last successful write, undoable from the activity: what it changed (in the user's words) and how it is undone
     * (through the one write path: preview, confirmation, backup, apply, verify, audit).
     */
    public record UndoOffer(String summary, Runnable undo) {
    }

    public ActivityViewModel(I18n i18n, DialogService dialogs, Clock clock) {
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.clock = clock;
        this.errors = new ErrorText(i18n);
    }

    /** What the app did, newest last, each line starting with the time. */
    public ObservableList<String> lines() {
        return readOnlyLines;
    }

    public ErrorText errors() {
        return errors;
    }

    public void log(String line) {
        // the log is an output path too: registered secrets and secret-shaped text masked, control characters gone
        lines.add(LocalTime.now(clock).format(TIME) + "  " + dev.pullfix.app.common.UserText.safe(
                dev.pullfix.model.secret.Redactor.redact(line)));
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    /** The write the activity offers to undo (null: none). */
    public ReadOnlyObjectProperty<UndoOffer> undoOfferProperty() {
        return undoOffer.getReadOnlyProperty();
    }

    /** Offers the undo of a write just made, in place of the one before. */
    public UndoOffer offerUndo(String summary, Runnable undo) {
        UndoOffer o = new UndoOffer(summary, undo);
        undoOffer.set(o);
        return o;
    }

    /** Withdraws {@code offer} (undone, or superseded), unless a newer write has taken its place. */
    public void withdrawUndo(UndoOffer offer) {
        if (undoOffer.get() == offer) {
            undoOffer.set(null);
        }
    }

    /** Undoes the offered write (its confirmation still asks). */
    public void undo() {
        UndoOffer o = undoOffer.get();
        if (o != null) {
            o.undo().run();
        }
    }

    /** Records a failed task: its description and the readable cause. */
    public void taskFailed(String description, Throwable e) {
        log(i18n.t("log.taskFailed", description, errors.describe(e)));
    }

    /** Tells the user (a notification; details on demand). The task runner has logged it already. */
    public void notifyFailure(String title, Throwable e) {
        dialogs.notifyError(title, errors.describe(e), errors.details(e));
    }

    /** A failure outside any task: logged and told. */
    public void failed(String title, Throwable e) {
        log(title + ": " + errors.describe(e));
        notifyFailure(title, e);
    }
}
