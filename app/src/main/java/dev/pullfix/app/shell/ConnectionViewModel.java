package dev.pullfix.app.shell;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ConnectionState;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.DeltaBatch;
import dev.pullfix.model.cluster.LivePodTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The kubeconfig's contexts and the live connection to the chosen one: opens a session in a task, lists and then
 * follows the pods (live items reach the UI thread through the {@link UiBridge}, a snapshot's rows are built in a
 * task and the deltas that arrive meanwhile are applied right after), reports the connection state, and lets a
 * long call be cancelled. Switching context closes the old session in a task. No {@code javafx.scene}.
 */
public final class ConnectionViewModel {

    /** Where the window's data comes from. */
    public enum State { NOT_CONNECTED, NO_KUBECONFIG, CONNECTING, LIVE, RECONNECTING, ERROR }

    private final TaskRunner tasks;
    private final UiBridge bridge;
    private final WorkbenchBackend backend;
    private final I18n i18n;
    private final SettingsViewModel settings;
    private final ActivityViewModel activity;
    private final PodTreeViewModel podTree;

    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final Map<String, ContextInfo> contextInfos = new LinkedHashMap<>();
    private final ObjectProperty<String> selectedContext = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ContextInfo> contextInfo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_CONNECTED);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WorkbenchBackend.ClusterSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");

    private final AtomicLong generation = new AtomicLong();
    /** Sessions opened by a connect task and not yet taken by the UI thread: whoever removes one owns it. */
    private final Set<WorkbenchBackend.ClusterSession> unclaimed = ConcurrentHashMap.newKeySet();
    private TaskRunner.Handle longTask;
    private boolean preparing;
    private boolean toldFailure;
    private final List<DeltaBatch> waitingDeltas = new ArrayList<>();

    public ConnectionViewModel(TaskRunner tasks, UiBridge bridge, WorkbenchBackend backend, I18n i18n,
                               SettingsViewModel settings, ActivityViewModel activity, PodTreeViewModel podTree) {
        this.tasks = tasks;
        this.bridge = bridge;
        this.backend = backend;
        this.i18n = i18n;
        this.settings = settings;
        this.activity = activity;
        this.podTree = podTree;
        selectedContext.addListener((o, a, b) -> {
            if (b != null && !Objects.equals(a, b)) {
                connect(b);
            }
        });
    }

    // ------------------------------------------------------------------ state

    public ObservableList<String> contexts() {
        return contexts;
    }

    public ObjectProperty<String> selectedContextProperty() {
        return selectedContext;
    }

    /** The chosen context's kubeconfig entry (server, EKS mapping), set as soon as it is chosen. */
    public ReadOnlyObjectProperty<ContextInfo> contextInfoProperty() {
        return contextInfo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One line on the connection (the server, or why it failed). */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The open session, or null. */
    public ReadOnlyObjectProperty<WorkbenchBackend.ClusterSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public WorkbenchBackend.ClusterSession session() {
        return session.get();
    }

    /** Whether a long call (reading the kubeconfig, connecting, listing) is running; it can be cancelled. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ commands

    /** Reads the kubeconfig in a task, then connects to the last (or the current) context. */
    public void start() {
        busyWith(i18n.t("busy.kubeconfig"));
        longTask = tasks.submit("kubectl config get-contexts", backend::contexts, this::loaded, e -> {
            idle();
            if (e instanceof ClusterError ce && (ce.code() == ClusterError.Code.NO_KUBECONFIG
                    || ce.code() == ClusterError.Code.KUBECONFIG_NOT_FOUND)) {
                state.set(State.NO_KUBECONFIG);
                detail.set(activity.errors().describe(e));
                activity.log(i18n.t("log.noKubeconfig"));
            } else { // a kubeconfig that cannot be read: said beside the empty tree too, not only in a passing toast
                state.set(State.ERROR);
                detail.set(activity.errors().describe(e));
                activity.notifyFailure(i18n.t("error.kubeconfig"), e);
            }
        });
    }

    private void loaded(List<ContextInfo> list) {
        idle();
        contextInfos.clear();
        list.forEach(c -> contextInfos.put(c.name(), c));
        contexts.setAll(contextInfos.keySet());
        activity.log(i18n.t("log.contexts", contexts.size()));
        if (contexts.isEmpty()) {
            state.set(State.NO_KUBECONFIG);
            return;
        }
        String last = settings.current().lastContext();
        String pick = last != null && contextInfos.containsKey(last) ? last
                : list.stream().filter(ContextInfo::current).map(ContextInfo::name).findFirst().orElse(contexts.get(0));
        if (Objects.equals(selectedContext.get(), pick)) {
            connect(pick);
        } else {
            selectedContext.set(pick);
        }
    }

    /** Connects to a context: closes the old session, opens the new one, lists, then follows live changes. */
    public void connect(String context) {
        cancelLongTask();
        closeSession();
        long gen = nextGeneration();
        preparing = false;
        toldFailure = false;
        waitingDeltas.clear();
        podTree.clear();
        state.set(State.CONNECTING);
        ContextInfo info = contextInfos.get(context);
        detail.set(info != null && info.server() != null ? info.server() : context);
        contextInfo.set(info);
        settings.update(s -> s.withLastContext(context));
        activity.log(i18n.t("log.connecting", context));
        busyWith(i18n.t("busy.connecting", context));
        longTask = tasks.submit("connect " + context, () -> open(gen, context), s -> opened(gen, s), e -> {
            if (gen != generation.get()) {
                return;
            }
            idle();
            state.set(State.ERROR);
            detail.set(activity.errors().describe(e));
            activity.notifyFailure(i18n.t("error.connect", context), e);
        });
    }

    /** In the task: a session opened for a context the user has left is closed here, never shown. */
    private WorkbenchBackend.ClusterSession open(long gen, String context) {
        WorkbenchBackend.ClusterSession s = backend.open(context);
        unclaimed.add(s);
        if (gen != generation.get() && unclaimed.remove(s)) {
            s.close();
        }
        return s;
    }

    private void opened(long gen, WorkbenchBackend.ClusterSession s) {
        if (!unclaimed.remove(s)) {
            return; // closed already: the user moved on while it opened
        }
        if (gen != generation.get()) {
            close(s);
            return;
        }
        session.set(s);
        busyWith(i18n.t("busy.listing", s.context().name()));
        Consumer<Object> sink = bridge.batching(items -> onLive(gen, items));
        LivePodTree.Listener listener = new LivePodTree.Listener() {
            @Override
            public void onSnapshot(ClusterSnapshot snapshot) {
                sink.accept(snapshot);
            }

            @Override
            public void onDeltas(DeltaBatch batch) {
                sink.accept(batch);
            }

            @Override
            public void onConnection(ConnectionState st, ClusterError cause) {
                sink.accept(new StateChange(st, cause));
            }
        };
        tasks.submit("watch pods in " + s.context().name(), () -> {
            s.watch(listener);
            return null;
        }, x -> { }, e -> activity.notifyFailure(i18n.t("error.connect", s.context().name()), e));
    }

    private record StateChange(ConnectionState state, ClusterError cause) {
    }

    /** Live items on the UI thread; consecutive delta batches are applied together. */
    private void onLive(long gen, List<Object> items) {
        if (gen != generation.get()) {
            return;
        }
        List<DeltaBatch> pending = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof DeltaBatch b) {
                (preparing ? waitingDeltas : pending).add(b);
                continue;
            }
            if (!pending.isEmpty()) {
                podTree.apply(pending);
                pending = new ArrayList<>();
            }
            if (item instanceof ClusterSnapshot snap) {
                snapshot(gen, snap);
            } else if (item instanceof StateChange sc) {
                stateChanged(sc);
            }
        }
        if (!pending.isEmpty()) {
            podTree.apply(pending);
        }
    }

    /** Builds the snapshot's rows in a task; deltas that arrive meanwhile wait and are applied right after. */
    private void snapshot(long gen, ClusterSnapshot snap) {
        preparing = true;
        waitingDeltas.clear();
        long t0 = System.nanoTime();
        tasks.submit("build the pod tree", () -> PodTreeViewModel.prepare(snap), prepared -> {
            if (gen != generation.get()) {
                return;
            }
            long t1 = System.nanoTime();
            podTree.install(prepared);
            long t2 = System.nanoTime();
            preparing = false;
            if (!waitingDeltas.isEmpty()) {
                podTree.apply(List.copyOf(waitingDeltas));
                waitingDeltas.clear();
            }
            idle();
            activity.log(i18n.t("log.listed", snap.podCount(), snap.failingPodCount(), snap.context()));
            activity.log(i18n.t("log.treeBuilt", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
            if (!snap.skippedNamespaces().isEmpty()) {
                activity.log(i18n.t("log.skipped", String.join(", ", snap.skippedNamespaces())));
            }
        }, e -> {
            preparing = false;
            idle();
            activity.notifyFailure(i18n.t("error.connect", snap.context()), e);
        });
    }

    private void stateChanged(StateChange sc) {
        switch (sc.state()) {
            case CONNECTING -> state.set(State.CONNECTING);
            case LIVE -> {
                state.set(State.LIVE);
                detail.set(session.get() == null ? "" : session.get().context().server());
            }
            case RECONNECTING -> {
                state.set(State.RECONNECTING);
                detail.set(sc.cause() == null ? "" : activity.errors().describe(sc.cause()));
                activity.log(i18n.t("log.reconnecting", detail.get()));
                if (!podTree.loadedProperty().get() && !preparing && !toldFailure) {
                    // the first list failed: say so once (it keeps retrying in the background)
                    toldFailure = true;
                    idle();
                    if (sc.cause() != null) {
                        String ctx = session.get() == null ? "" : session.get().context().name();
                        activity.failed(i18n.t("error.connect", ctx), sc.cause());
                    }
                }
            }
            case STOPPED -> state.set(State.NOT_CONNECTED);
        }
    }

    /** Connects again (lists afresh), or reads the kubeconfig again when nothing is chosen. */
    public void refresh() {
        if (selectedContext.get() != null) {
            connect(selectedContext.get());
        } else {
            start();
        }
    }

    /** Cancels the running long call (reading, connecting or listing). */
    public void cancel() {
        if (longTask != null && !longTask.isDone()) {
            activity.log(i18n.t("log.cancelled"));
        }
        cancelLongTask();
        if (state.get() == State.CONNECTING && session.get() == null) {
            nextGeneration();
            state.set(State.NOT_CONNECTED);
        }
    }

    /** Closes the live session in a task (the window is closing or switching backend). */
    public void shutdown() {
        cancelLongTask();
        nextGeneration();
        closeSession();
    }

    /** Moves on: sessions still opening for the old generation are closed (here, or by their task). */
    private long nextGeneration() {
        long gen = generation.incrementAndGet();
        for (WorkbenchBackend.ClusterSession s : List.copyOf(unclaimed)) {
            if (unclaimed.remove(s)) {
                close(s);
            }
        }
        return gen;
    }

    // ------------------------------------------------------------------ helpers

    private void busyWith(String text) {
        busy.set(true);
        busyText.set(text);
    }

    private void idle() {
        busy.set(false);
        busyText.set("");
    }

    private void cancelLongTask() {
        if (longTask != null) {
            longTask.cancel();
            longTask = null;
        }
        idle();
    }

    private void closeSession() {
        WorkbenchBackend.ClusterSession s = session.get();
        session.set(null);
        if (s != null) {
            close(s);
        }
    }

    private void close(WorkbenchBackend.ClusterSession s) {
        // a session that fails to close is gone anyway; the runner records the failure
        tasks.run("close " + s.context().name(), s::close);
    }
}
