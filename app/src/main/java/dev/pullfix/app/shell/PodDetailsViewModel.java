package dev.pullfix.app.shell;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected pod's events (as {@code kubectl describe} lists them) and its YAML, read in a task whenever another
 * pod is shown; a late answer for a pod no longer shown is dropped. No {@code javafx.scene}.
 */
public final class PodDetailsViewModel {
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ActivityViewModel activity;
    private final Supplier<WorkbenchBackend.ClusterSession> session;
    private final ObservableList<PodEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
    private PodInfo shown;
    private TaskRunner.Handle task;

    /** @param session the open cluster session (UI thread), or null when not connected */
    public PodDetailsViewModel(TaskRunner tasks, I18n i18n, ActivityViewModel activity,
                               Supplier<WorkbenchBackend.ClusterSession> session) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.activity = activity;
        this.session = session;
    }

    /** The shown pod's events, oldest first. */
    public ObservableList<PodEvent> events() {
        return events;
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    /** Shows a pod's details (null clears them). */
    public void show(PodInfo pod) {
        if (task != null) {
            task.cancel();
            task = null;
        }
        shown = pod;
        events.clear();
        yaml.set("");
        if (pod != null) {
            load(pod);
        }
    }

    /**
     * A live update of the shown pod: when its state changed (phase, READY, STATUS, restarts, the kubelet's message)
     * its events and YAML are read again, so Pulled/Started appear as the pod recovers.
     */
    public void follow(PodInfo after) {
        PodInfo before = shown;
        if (before == null || after == null || !before.key().equals(after.key())) {
            return;
        }
        shown = after;
        if (!java.util.Objects.equals(before.status(), after.status())
                || !java.util.Objects.equals(before.phase(), after.phase())
                || before.readyContainers() != after.readyContainers() || before.restarts() != after.restarts()
                || !java.util.Objects.equals(before.failureMessage(), after.failureMessage())) {
            load(after);
        }
    }

    /** Reads the shown pod's details again. */
    public void reload() {
        if (shown != null) {
            load(shown);
        }
    }

    private record Details(List<PodEvent> events, String yaml) {
    }

    private void load(PodInfo p) {
        WorkbenchBackend.ClusterSession s = session.get();
        if (s == null) {
            return;
        }
        if (task != null) {
            task.cancel();
        }
        if (events.isEmpty()) {
            yaml.set(i18n.t("yaml.loading"));
        }
        task = tasks.submit("kubectl describe pod " + p.name() + " -n " + p.namespace(), () -> {
            List<PodEvent> ev;
            try {
                ev = s.events(p.namespace(), p.name());
            } catch (ClusterError e) {
                ev = List.of(); // events may be forbidden while the pod is readable: show what can be read
            }
            String text;
            try {
                text = s.podYaml(p.namespace(), p.name());
            } catch (ClusterError e) {
                text = activity.errors().describe(e);
            }
            return new Details(ev, text);
        }, d -> {
            if (shown != null && shown.key().equals(p.key())) {
                events.setAll(d.events());
                yaml.set(d.yaml());
            }
        }, e -> activity.notifyFailure(i18n.t("error.details", p.key()), e));
    }
}
