package dev.pullfix.app.activity;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.ErrorText;
import dev.pullfix.app.common.I18n;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The activity log of the main window (newest last, at most {@value #MAX_LINES} lines) and the one place failures
 * are told to the user: {@link #taskFailed} records every failed task with its description (the shell's task runner
 * reports to it), {@link #notifyFailure} shows a readable notification with details on demand. UI thread only.
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
