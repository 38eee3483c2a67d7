package dev.pullfix.app.shell;

import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.app.wizard.ClassifierPlanner;
import dev.pullfix.app.wizard.DiagnosisPlanner;
import dev.pullfix.app.wizard.RunbookPlanner;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.aws.AwsProblem;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ClusterSnapshot;
import dev.pullfix.model.cluster.ConnectionState;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.DeltaBatch;
import dev.pullfix.model.cluster.LivePodTree;
import dev.pullfix.model.cluster.PodEvent;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: contexts and the live connection, the AWS pickers and who-am-I, the pod tree, the
 * selected pod's events and YAML, the wizard, the activity log, long-running work with cancel. Every call into the
 * engine runs in the {@link TaskRunner}; live changes arrive through the {@link UiBridge}. No {@code javafx.scene}.
 */
public final class MainViewModel {

    /** Where the window's data comes from. */
    public enum Connection { NOT_CONNECTED, NO_KUBECONFIG, CONNECTING, LIVE, RECONNECTING, ERROR }

    private final TaskRunner tasks;
    private final UiBridge bridge;
    private final DialogService dialogs;
    private final WorkbenchBackend backend;
    private final I18n i18n;
    private final SettingsStore settingsStore;
    private final LabLauncher lab;
    private UserSettings settings;

    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final Map<String, ContextInfo> contextInfos = new LinkedHashMap<>();
    private final ObjectProperty<String> selectedContext = new SimpleObjectProperty<>();
    private final StringProperty namespaceFilter = new SimpleStringProperty("");
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedProfile = new SimpleObjectProperty<>();
    private final StringProperty region = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.NOT_CONNECTED);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whoAmI = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper whoAmIFailed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> activity = FXCollections.observableArrayList();
    private final ObservableList<PodEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper podYaml = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<String> language = new ReadOnlyObjectWrapper<>("auto");

    private final PodTreeViewModel podTree = new PodTreeViewModel();
    private final WizardViewModel wizard;
    private RunbookPlanner runbooks;

    private WorkbenchBackend.ClusterSession session;
    private long sessionGeneration;
    private TaskRunner.Handle longTask;
    private TaskRunner.Handle detailsTask;
    private TaskRunner.Handle whoTask;
    private boolean applyingContext;
    private boolean preparing;
    private boolean notifiedFailure;
    private final List<DeltaBatch> waitingDeltas = new ArrayList<>();

    public MainViewModel(TaskRunner tasks, UiBridge bridge, DialogService dialogs, WorkbenchBackend backend, I18n i18n,
                         SettingsStore settingsStore, LabLauncher lab) {
        this(tasks, bridge, dialogs, backend, i18n, settingsStore, lab, null);
    }

    /** @param planner the wizard's planner, or null for the built-in classifier walk over this backend's events */
    public MainViewModel(TaskRunner tasks, UiBridge bridge, DialogService dialogs, WorkbenchBackend backend, I18n i18n,
                         SettingsStore settingsStore, LabLauncher lab, DiagnosisPlanner planner) {
        this(tasks, bridge, dialogs, backend, i18n, settingsStore, lab, planner, java.time.Duration.ofSeconds(20));
    }

    /**
     * @param planner      the wizard's planner, or null for the runbook engine over this backend's connection (the
     *                     classifier walk when the engine cannot start)
     * @param checkTimeout the longest one runbook check or AWS call may take
     */
    public MainViewModel(TaskRunner tasks, UiBridge bridge, DialogService dialogs, WorkbenchBackend backend, I18n i18n,
                         SettingsStore settingsStore, LabLauncher lab, DiagnosisPlanner planner,
                         java.time.Duration checkTimeout) {
        this.tasks = tasks;
        this.bridge = bridge;
        this.dialogs = dialogs;
        this.backend = backend;
        this.i18n = i18n;
        this.settingsStore = settingsStore;
        this.lab = lab;
        this.settings = settingsStore == null ? UserSettings.defaults() : settingsStore.load();
        DiagnosisPlanner p = planner;
        if (p == null) {
            runbooks = new RunbookPlanner(i18n, this::runbookTarget, new ClassifierPlanner(i18n, this::eventsOf),
                    checkTimeout);
            p = runbooks;
        }
        this.wizard = new WizardViewModel(tasks, bridge, dialogs, p, this::log);
        dark.set("dark".equals(settings.theme()));
        language.set(settings.language() == null ? "auto" : settings.language());
        podTree.namespaceFilterProperty().bindBidirectional(namespaceFilter);
        selectedContext.addListener((o, a, b) -> {
            if (b != null && !Objects.equals(a, b)) {
                connect(b);
            }
        });
        selectedProfile.addListener((o, a, b) -> awsChanged());
        region.addListener((o, a, b) -> awsChanged());
        dark.addListener((o, a, b) -> saveSettings(s -> s.withTheme(b ? "dark" : "light")));
        podTree.selectedPodProperty().addListener((o, a, b) -> podSelected(a, b));
    }

    // ------------------------------------------------------------------ state

    public ObservableList<String> contexts() {
        return contexts;
    }

    public ObjectProperty<String> selectedContextProperty() {
        return selectedContext;
    }

    public StringProperty namespaceFilterProperty() {
        return namespaceFilter;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public ObjectProperty<String> selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** One line on the connection (server, or why it failed). */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    /** The STS identity line, or null when not asked yet. */
    public ReadOnlyStringProperty whoAmIProperty() {
        return whoAmI.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty whoAmIFailedProperty() {
        return whoAmIFailed.getReadOnlyProperty();
    }

    /** What the app did, newest last: shown in the activity tab. */
    public ObservableList<String> activity() {
        return activity;
    }

    /** The selected pod's events (describe order). */
    public ObservableList<PodEvent> events() {
        return events;
    }

    public ReadOnlyStringProperty podYamlProperty() {
        return podYaml.getReadOnlyProperty();
    }

    /** Whether a long call (connect, list) is running; it can be cancelled. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** auto, en or ja. */
    public ReadOnlyObjectProperty<String> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public PodTreeViewModel podTree() {
        return podTree;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public UserSettings settings() {
        return settings;
    }

    public boolean labAvailable() {
        return lab.available();
    }

    public I18n i18n() {
        return i18n;
    }

    // ------------------------------------------------------------------ commands

    /** Reads the kubeconfig and the AWS profiles, then connects to the last (or current) context. */
    public void start() {
        busyWith(i18n.t("busy.kubeconfig"));
        longTask = tasks.submit("kubeconfig", () -> new Loaded(backend.contexts(), backend.awsProfiles()), this::loaded,
                e -> {
                    idle();
                    profilesOnly();
                    if (e instanceof ClusterError ce && (ce.code() == ClusterError.Code.NO_KUBECONFIG
                            || ce.code() == ClusterError.Code.KUBECONFIG_NOT_FOUND)) {
                        connection.set(Connection.NO_KUBECONFIG);
                        connectionDetail.set(describe(e));
                        log(i18n.t("log.noKubeconfig"));
                    } else {
                        failed(i18n.t("error.kubeconfig"), e);
                    }
                });
    }

    private record Loaded(List<ContextInfo> contexts, List<String> profiles) {
    }

    private void profilesOnly() {
        tasks.submit("profiles", backend::awsProfiles, profiles::setAll, e -> { });
    }

    private void loaded(Loaded l) {
        idle();
        contextInfos.clear();
        l.contexts().forEach(c -> contextInfos.put(c.name(), c));
        profiles.setAll(l.profiles());
        contexts.setAll(contextInfos.keySet());
        log(i18n.t("log.contexts", contexts.size()));
        if (contexts.isEmpty()) {
            connection.set(Connection.NO_KUBECONFIG);
            return;
        }
        String pick = settings.lastContext() != null && contextInfos.containsKey(settings.lastContext())
                ? settings.lastContext()
                : l.contexts().stream().filter(ContextInfo::current).map(ContextInfo::name).findFirst()
                        .orElse(contexts.get(0));
        if (settings.lastProfile() != null && profiles.contains(settings.lastProfile())) {
            selectedProfile.set(settings.lastProfile());
        }
        if (settings.lastRegion() != null) {
            region.set(settings.lastRegion());
        }
        if (Objects.equals(selectedContext.get(), pick)) {
            connect(pick);
        } else {
            selectedContext.set(pick);
        }
    }

    /** Connects to a context: closes the old session, lists, then follows live changes. */
    public void connect(String context) {
        forgetAws();
        cancelLongTask();
        closeSession();
        long gen = ++sessionGeneration;
        preparing = false;
        notifiedFailure = false;
        waitingDeltas.clear();
        podTree.clear();
        events.clear();
        podYaml.set("");
        wizard.show(null);
        connection.set(Connection.CONNECTING);
        ContextInfo info = contextInfos.get(context);
        connectionDetail.set(info != null && info.server() != null ? info.server() : context);
        prefillAws(info);
        saveSettings(s -> s.withLastContext(context));
        log(i18n.t("log.connecting", context));
        busyWith(i18n.t("busy.connecting", context));
        longTask = tasks.submit("connect " + context, () -> backend.open(context), s -> opened(gen, s), e -> {
            if (gen != sessionGeneration) {
                return;
            }
            idle();
            connection.set(Connection.ERROR);
            connectionDetail.set(describe(e));
            failed(i18n.t("error.connect", context), e);
        });
    }

    private void prefillAws(ContextInfo info) {
        if (info == null || info.eks() == null) {
            return;
        }
        applyingContext = true;
        try {
            if (info.eks().profile() != null) {
                if (!profiles.contains(info.eks().profile())) {
                    profiles.add(info.eks().profile());
                }
                selectedProfile.set(info.eks().profile());
            }
            if (info.eks().region() != null) {
                region.set(info.eks().region());
            }
        } finally {
            applyingContext = false;
        }
        awsChanged();
    }

    private void opened(long gen, WorkbenchBackend.ClusterSession s) {
        if (gen != sessionGeneration) {
            tasks.submit("close stale session", () -> {
                s.close();
                return null;
            }, x -> { }, e -> { });
            return;
        }
        session = s;
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
            public void onConnection(ConnectionState state, ClusterError cause) {
                sink.accept(new StateChange(state, cause));
            }
        };
        tasks.submit("watch", () -> {
            s.watch(listener);
            return null;
        }, x -> { }, e -> failed(i18n.t("error.connect", s.context().name()), e));
    }

    private record StateChange(ConnectionState state, ClusterError cause) {
    }

    /**
     * Live items, batched onto the UI thread by the bridge; consecutive delta batches are applied together. A
     * snapshot's rows are built in a task; deltas that arrive meanwhile wait and are applied right after it.
     */
    void onLive(long gen, List<Object> items) {
        if (gen != sessionGeneration) {
            return;
        }
        List<DeltaBatch> pending = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof DeltaBatch b) {
                if (preparing) {
                    waitingDeltas.add(b);
                } else {
                    pending.add(b);
                }
                continue;
            }
            if (!pending.isEmpty()) {
                podTree.apply(pending);
                pending = new ArrayList<>();
            }
            if (item instanceof ClusterSnapshot snap) {
                preparing = true;
                waitingDeltas.clear();
                long t0 = System.nanoTime();
                tasks.submit("build tree", () -> PodTreeViewModel.prepare(snap), prepared -> {
                    if (gen != sessionGeneration) {
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
                    log(i18n.t("log.listed", snap.podCount(), snap.failingPodCount(), snap.context()));
                    log(i18n.t("log.treeBuilt", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
                    if (!snap.skippedNamespaces().isEmpty()) {
                        log(i18n.t("log.skipped", String.join(", ", snap.skippedNamespaces())));
                    }
                }, e -> {
                    preparing = false;
                    failed(i18n.t("error.connect", snap.context()), e);
                });
            } else if (item instanceof StateChange sc) {
                switch (sc.state()) {
                    case CONNECTING -> connection.set(Connection.CONNECTING);
                    case LIVE -> {
                        connection.set(Connection.LIVE);
                        connectionDetail.set(session == null ? "" : session.context().server());
                    }
                    case RECONNECTING -> {
                        connection.set(Connection.RECONNECTING);
                        connectionDetail.set(sc.cause() == null ? "" : describe(sc.cause()));
                        log(i18n.t("log.reconnecting", connectionDetail.get()));
                        if (!podTree.loadedProperty().get() && !preparing && !notifiedFailure) {
                            // the first list failed: say so once (it keeps retrying in the background)
                            notifiedFailure = true;
                            idle();
                            String ctx = session == null ? "" : session.context().name();
                            if (sc.cause() != null) {
                                failed(i18n.t("error.connect", ctx), sc.cause());
                            }
                        }
                    }
                    case STOPPED -> connection.set(Connection.NOT_CONNECTED);
                }
            }
        }
        if (!pending.isEmpty()) {
            podTree.apply(pending);
        }
    }

    /** Lists again (and reloads the selected pod's details). */
    public void refresh() {
        if (selectedContext.get() != null) {
            connect(selectedContext.get());
        } else {
            start();
        }
    }

    /** Cancels the running long call (connect or list). */
    public void cancel() {
        if (longTask != null && !longTask.isDone()) {
            log(i18n.t("log.cancelled"));
        }
        cancelLongTask();
        if (connection.get() == Connection.CONNECTING && session == null) {
            sessionGeneration++;
            connection.set(Connection.NOT_CONNECTED);
        }
        wizard.cancel();
    }

    /** Opens the practice lab (the lab issue wires the real launcher). */
    public void openLab() {
        if (!lab.available()) {
            dialogs.notifyInfo(i18n.t("lab.title"), i18n.t("lab.unavailable"));
            return;
        }
        try {
            lab.open();
            log(i18n.t("log.lab"));
            start();
        } catch (RuntimeException e) {
            failed(i18n.t("lab.title"), e);
        }
    }

    /** Switches language (auto, en, ja); the view rebuilds with the new bundle. */
    public void setLanguage(String lang) {
        language.set(lang);
        saveSettings(s -> s.withLanguage(lang));
    }

    /** Remembers the window layout (called by the view on close). */
    public void rememberLayout(double x, double y, double w, double h, double tree, double bottom) {
        saveSettings(s -> s.withWindow(x, y, w, h, tree, bottom));
    }

    /** Closes the live session (window closing). */
    public void shutdown() {
        cancelLongTask();
        wizard.cancel();
        if (runbooks != null) {
            runbooks.close();
        }
        sessionGeneration++;
        WorkbenchBackend.ClusterSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    // ------------------------------------------------------------------ details of the selected pod

    private void podSelected(PodInfo before, PodInfo after) {
        if (after == null) {
            if (detailsTask != null) {
                detailsTask.cancel();
            }
            events.clear();
            podYaml.set("");
            wizard.show(null);
            return;
        }
        boolean samePod = before != null && before.key().equals(after.key());
        if (samePod) {
            return; // a live update of the same pod: keep the wizard where the user is
        }
        wizard.show(after);
        loadDetails(after);
    }

    /** Closes the runbook engine's AWS port off the FX thread (context or profile/region changed). */
    private void forgetAws() {
        RunbookPlanner r = runbooks;
        if (r != null) {
            tasks.submit("close AWS sessions", () -> {
                r.forgetAws();
                return null;
            }, x -> { }, e -> { });
        }
    }

    /** What the runbook engine walks against now: the session's connection, the AWS profile and region. */
    private RunbookPlanner.Target runbookTarget() {
        WorkbenchBackend.ClusterSession s = session;
        if (s == null || s.connection() == null) {
            return null;
        }
        String profile = selectedProfile.get();
        String r = region.get();
        String cluster = s.context().eksMapping().map(m -> m.clusterName()).orElse(null);
        return new RunbookPlanner.Target(s.connection(), cluster, profile, r, backend.awsSessions(profile, r));
    }

    /** The open session (UI thread), or null. */
    public WorkbenchBackend.ClusterSession session() {
        return session;
    }

    /** The backend behind the window. */
    public WorkbenchBackend backend() {
        return backend;
    }

    /** Reloads the selected pod's events and YAML. */
    public void reloadDetails() {
        PodInfo p = podTree.selectedPodProperty().get();
        if (p != null) {
            loadDetails(p);
        }
    }

    private record Details(List<PodEvent> events, String yaml) {
    }

    private void loadDetails(PodInfo p) {
        if (detailsTask != null) {
            detailsTask.cancel();
        }
        WorkbenchBackend.ClusterSession s = session;
        if (s == null) {
            return;
        }
        events.clear();
        podYaml.set(i18n.t("yaml.loading"));
        detailsTask = tasks.submit("details " + p.key(), () -> {
            List<PodEvent> ev;
            try {
                ev = s.events(p.namespace(), p.name());
            } catch (ClusterError e) {
                ev = List.of();
            }
            String yaml;
            try {
                yaml = s.podYaml(p.namespace(), p.name());
            } catch (ClusterError e) {
                yaml = describe(e);
            }
            return new Details(ev, yaml);
        }, d -> {
            PodInfo now = podTree.selectedPodProperty().get();
            if (now != null && now.key().equals(p.key())) {
                events.setAll(d.events());
                podYaml.set(d.yaml());
            }
        }, e -> failed(i18n.t("error.details", p.key()), e));
    }

    private List<PodEvent> eventsOf(String namespace, String pod) {
        WorkbenchBackend.ClusterSession s = session;
        if (s == null) {
            throw ClusterError.of(ClusterError.Code.UNREACHABLE, "", "not connected");
        }
        return s.events(namespace, pod);
    }

    // ------------------------------------------------------------------ AWS

    private void awsChanged() {
        if (applyingContext) {
            return;
        }
        forgetAws();
        String profile = selectedProfile.get();
        String r = region.get();
        saveSettings(s -> s.withAws(profile, r));
        if (whoTask != null) {
            whoTask.cancel();
        }
        whoAmI.set(i18n.t("top.whoami.asking"));
        whoAmIFailed.set(false);
        whoTask = tasks.submit("sts get-caller-identity", () -> backend.whoAmI(profile, r), this::identity, e -> {
            whoAmI.set(i18n.t("top.whoami.failed"));
            whoAmIFailed.set(true);
        });
    }

    private void identity(AwsResult<CallerIdentity> r) {
        if (r.isOk()) {
            whoAmI.set(r.value().arn());
            whoAmIFailed.set(false);
            log(i18n.t("log.whoami", r.value().arn()));
        } else {
            AwsProblem p = r.problem().orElseThrow();
            whoAmI.set(i18n.find("aws", p.messageCode(), p.messageArgs().toArray())
                    .orElse(p.kind().name()));
            whoAmIFailed.set(true);
            log(i18n.t("log.whoamiFailed", whoAmI.get()));
        }
    }

    // ------------------------------------------------------------------ helpers

    public void log(String line) {
        activity.add(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + line);
        if (activity.size() > 2000) {
            activity.remove(0, activity.size() - 2000);
        }
    }

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
        WorkbenchBackend.ClusterSession s = session;
        session = null;
        if (s != null) {
            tasks.submit("close " + s.context().name(), () -> {
                s.close();
                return null;
            }, x -> { }, e -> { });
        }
    }

    private void failed(String title, Throwable e) {
        String message = describe(e);
        log(title + ": " + message);
        dialogs.notifyError(title, message, details(e));
    }

    /** One readable line for an error: bundle text for coded errors, never a stack trace. */
    public String describe(Throwable e) {
        if (e instanceof ClusterError ce) {
            return i18n.find("cluster", ce.messageKey(), ce.args().toArray())
                    .orElse(i18n.t("error.cluster", ce.code().name(), String.join(" · ", ce.args())));
        }
        if (e instanceof dev.pullfix.model.aws.AwsProblemException ap) {
            return i18n.find("aws", ap.problem().messageCode(), ap.problem().messageArgs().toArray())
                    .orElse(ap.problem().kind().name());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private String details(Throwable e) {
        if (e instanceof ClusterError ce) {
            String hint = i18n.find("cluster", ce.hintKey(), ce.args().toArray()).orElse("");
            return ce.code().name() + "\n" + String.join("\n", ce.args()) + (hint.isEmpty() ? "" : "\n\n" + hint);
        }
        return e.getClass().getSimpleName() + ": " + describe(e);
    }

    private void saveSettings(UnaryOperator<UserSettings> change) {
        settings = change.apply(settings);
        if (settingsStore == null) {
            return;
        }
        UserSettings snapshot = settings;
        tasks.submit("save settings", () -> {
            settingsStore.save(snapshot);
            return null;
        }, x -> { }, e -> log(i18n.t("log.settingsFailed", describe(e))));
    }

    /** For tests: the connection state. */
    void setConnection(Connection c) {
        connection.set(c);
    }
}
