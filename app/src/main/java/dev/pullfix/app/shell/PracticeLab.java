package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.cluster.ClusterConnector;
import dev.pullfix.model.cluster.ClusterEnvironment;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/**
 * The practice lab behind "Open practice lab": pick a scenario (or reset the running one), start it off the FX
 * thread (an in-process API server + the lab's AWS endpoint on loopback), then point the window at it through
 * the ordinary kubeconfig and AWS profile paths — the same code that talks to a real cluster and account.
 */
public final class PracticeLab implements LabLauncher, AutoCloseable {
    private final TaskRunner tasks;
    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private final Consumer<Supplier<WorkbenchBackend>> switchBackend;
    private final Consumer<String> notify;
    private LabSession session;
    /** Set when the window closes: a lab that finishes starting after that is stopped, never left running. */
    private volatile boolean closed;

    public PracticeLab(TaskRunner tasks, Supplier<I18n> i18n, Supplier<Window> owner,
                       Consumer<Supplier<WorkbenchBackend>> switchBackend, Consumer<String> notify) {
        this.tasks = tasks;
        this.i18n = i18n;
        this.owner = owner;
        this.switchBackend = switchBackend;
        this.notify = notify;
    }

    /** True when the user has no kubeconfig at all (a fresh machine): the app then opens the lab by itself. */
    public static boolean noKubeconfig(Map<String, String> env, Path home) {
        String kc = env.get("KUBECONFIG");
        if (kc != null && !kc.isBlank()) {
            for (String p : kc.split(java.io.File.pathSeparator)) {
                if (!p.isBlank() && Files.exists(Path.of(p))) {
                    return false;
                }
            }
            return true;
        }
        return !Files.exists(home.resolve(".kube/config"));
    }

    @Override
    public void open() {
        I18n t = i18n.get();
        List<String> choices = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        if (session != null) {
            String reset = t.t("lab.reset", session.scenario().id());
            choices.add(reset);
            ids.put(reset, "");
        }
        for (LabSession.ScenarioInfo s : LabSession.scenarios()) {
            String label = s.id() + " — " + s.title(t.locale());
            choices.add(label);
            ids.put(label, s.id());
        }
        Optional<String> picked = dialog(t, choices).showAndWait();
        picked.map(ids::get).ifPresent(id -> {
            if (id.isEmpty()) {
                reset();
            } else {
                start(id);
            }
        });
    }

    /** The scenario picker, not shown (tests look at it); its buttons speak the app's language, not the JVM's. */
    public ChoiceDialog<String> dialog(I18n t, List<String> choices) {
        ChoiceDialog<String> d = new ChoiceDialog<>(choices.get(0), choices);
        if (owner.get() != null) {
            d.initOwner(owner.get());
        }
        d.setTitle(t.t("lab.title"));
        d.setHeaderText(t.t("lab.pick"));
        d.getDialogPane().getButtonTypes().setAll(
                new ButtonType(t.t("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(t.t("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        return d;
    }

    /** Starts (or switches to) a scenario off the FX thread, then points the window at it. */
    public void start(String scenarioId) {
        I18n t = i18n.get();
        LabSession old = session;
        tasks.submit("lab " + scenarioId, () -> {
            if (old != null) {
                old.close();
            }
            // the lab makes its own owner-only temp folder and deletes it (token, AWS keys) when it stops
            return LabSession.start(scenarioId, options());
        }, s -> {
            session = s;
            switchBackend.accept(() -> backendFor(s));
            notify.accept(t.t("lab.opened", s.scenario().id(), s.kubeconfig().getParent()));
        }, e -> notify.accept(failed(t, e)));
    }

    /**
     * Starts a scenario before the window is built (a fresh machine): the window is built once over the returned
     * backend, whose calls wait (in tasks) for the lab and then go to it; when the lab cannot start they go to
     * {@code fallback}. The lab starts in a task at once, beside the window's own building.
     */
    public WorkbenchBackend startBehind(String scenarioId, Supplier<WorkbenchBackend> fallback) {
        PendingBackend pending = new PendingBackend(fallback);
        tasks.submit("lab " + scenarioId, () -> {
            try {
                LabSession s = LabSession.start(scenarioId, options());
                if (closed) {
                    s.close();
                    throw new java.util.concurrent.CancellationException("the window closed while the lab started");
                }
                pending.resolve(backendFor(s)); // here, not on the FX thread: the window's waiting tasks go on at once
                StartupProbe.mark("practice lab started");
                return s;
            } catch (RuntimeException | Error e) {
                pending.resolve(fallback.get());
                throw e;
            }
        }, s -> {
            session = s;
            notify.accept(i18n.get().t("lab.opened", s.scenario().id(), s.kubeconfig().getParent()));
        }, e -> notify.accept(failed(i18n.get(), e)));
        return pending;
    }

    /** The lab's clock runs 20 times faster than the wall clock (back-off and rollouts in seconds, not minutes). */
    private static LabSession.Options options() {
        return LabSession.Options.defaults().withSpeed(20);
    }

    /** The engine over a running lab: its kubeconfig and AWS profile, through the ordinary paths. */
    private static WorkbenchBackend backendFor(LabSession s) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(s.environment());
        Path home = Path.of(System.getProperty("user.home"));
        return new ModelBackend(ClusterEnvironment.of(env, home), AwsEnvironment.of(env, home),
                ClusterConnector.Options.defaults());
    }

    private static String failed(I18n t, Throwable e) {
        return t.t("lab.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void reset() {
        LabSession s = session;
        tasks.submit("lab reset", () -> {
            s.reset();
            return s;
        }, x -> notify.accept(i18n.get().t("lab.wasReset", x.scenario().id())), e -> notify.accept(e.getMessage()));
    }

    /** The running scenario, if any. */
    public Optional<LabSession> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public void close() {
        closed = true;
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
