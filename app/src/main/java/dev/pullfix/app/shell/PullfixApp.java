package dev.pullfix.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pullfix.app.common.DialogService;
import dev.pullfix.app.common.FxBridge;
import dev.pullfix.app.common.FxDialogService;
import dev.pullfix.app.common.FxTaskRunner;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.fix.FixDialogs;
import dev.pullfix.app.fix.FixPrompts;
import dev.pullfix.app.fix.FxFixDialogs;
import dev.pullfix.app.fix.FxFixPrompts;
import dev.pullfix.app.fix.WizardFixes;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.DataDirs;
import dev.pullfix.model.fix.WritePath;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: shows the window at once, then reads the kubeconfig and connects in the background.
 * The settings are read before the window exists ({@link #init()}, on the launcher thread) or, when started without
 * it, in a task; they are written in tasks. Wires one {@link TaskRunner}, one {@link FxBridge}, one
 * {@link DialogService}; switches theme (AtlantaFX Primer light/dark as the user-agent stylesheet) and language
 * (rebuilds the window with the other bundle).
 */
public class PullfixApp extends Application {
    private Supplier<WorkbenchBackend> backendFactory;
    private final Path dataDir;
    private LabLauncher lab;
    private PracticeLab practiceLab;
    private SettingsStore store;
    private UserSettings preloaded;
    private DialogService dialogs;
    private I18n i18n;
    private TaskRunner tasks;
    private WorkbenchBackend backend;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private Duration checkTimeout = Duration.ofSeconds(20);
    private boolean readOnly;
    private Duration fixWatch = Duration.ofMinutes(3);
    private Function<I18n, FixDialogs> fixDialogs;
    private Function<I18n, FixPrompts> fixPrompts;
    private final List<String> untold = new ArrayList<>();
    private boolean stopped;
    private static volatile CompletableFuture<UserSettings> settingsAhead;

    public PullfixApp() {
        this(ModelBackend::system, null, null);
    }

    /** For tests and the lab: a given backend and settings folder. */
    public PullfixApp(Supplier<WorkbenchBackend> backendFactory, Path dataDir, LabLauncher lab) {
        this.backendFactory = backendFactory;
        this.dataDir = dataDir;
        this.lab = lab;
    }

    /** The longest one runbook check or AWS call may take (tests use a few seconds). */
    public PullfixApp withCheckTimeout(Duration d) {
        this.checkTimeout = d;
        return this;
    }

    /** How long the pod is watched after a fix is written, for the proof of the fix (tests use seconds). */
    public PullfixApp withFixWatch(Duration d) {
        this.fixWatch = d;
        return this;
    }

    /** Read-only: no write action is offered (also {@code --read-only} on the command line, or the setting). */
    public PullfixApp withReadOnly(boolean b) {
        this.readOnly = b;
        return this;
    }

    /** The fix dialogs (tests script the confirmation); default: the real dialogs. */
    public PullfixApp withFixDialogs(Function<I18n, FixDialogs> f) {
        this.fixDialogs = f;
        return this;
    }

    /** The fix forms (tag picker, pull-secret form); tests script them. Default: the real dialogs. */
    public PullfixApp withFixPrompts(Function<I18n, FixPrompts> f) {
        this.fixPrompts = f;
        return this;
    }

    private Path data() {
        return dataDir != null ? dataDir : DataDirs.userData();
    }

    /**
     * Reads the settings ahead, on a thread of its own while JavaFX starts (the launcher calls it before
     * {@link Application#launch}); {@link #init()} then takes them instead of reading them itself.
     */
    static void readSettingsAhead() {
        CompletableFuture<UserSettings> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(new SettingsStore(DataDirs.userData()).load());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "pullfix-settings");
        t.setDaemon(true);
        t.start();
        settingsAhead = f;
    }

    /** Reads the settings on the launcher thread, before the window exists (not the FX thread). */
    @Override
    public void init() {
        CompletableFuture<UserSettings> ahead = settingsAhead;
        settingsAhead = null;
        if (ahead != null && dataDir == null) {
            try {
                preloaded = ahead.join();
                return;
            } catch (RuntimeException e) {
                // read again below, as without the early read
            }
        }
        preloaded = new SettingsStore(data()).load();
    }

    /**
     * Shows the window at once with a light first scene ({@link StartingView}); after its first frame, starts the
     * practice lab on a fresh machine and builds the workbench (the settings are read in that task when
     * {@link #init()} did not read them).
     */
    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Parameters params = getParameters();
        if (params != null && params.getRaw().contains("--read-only")) {
            readOnly = true;
        }
        tasks = new FxTaskRunner(4);
        store = new SettingsStore(data());
        if (lab == null) {
            practiceLab = new PracticeLab(tasks, () -> i18n, () -> stage, this::useBackend, this::labMessage);
            lab = practiceLab;
        }
        UserSettings early = preloaded;
        i18n = i18nFor(early == null ? null : early.language());
        Scene scene = new Scene(StartingView.root(i18n), 1400, 880);
        scene.getStylesheets().add(PullfixApp.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(i18n.t("app.title"));
        applyTheme(early != null && "dark".equals(early.theme()));
        if (early != null) {
            place(early);
        }
        stage.show();
        StartupProbe.watch(scene);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            afterFirstFrame(early);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Right after the first frame: on a fresh machine (no cluster configured) the practice lab starts (scenario S1)
     * beside the building of the workbench, which is built once, over a backend that waits for the lab; then the
     * workbench is built from a task's answer, so this pulse ends and its frame is drawn first.
     */
    private void afterFirstFrame(UserSettings early) {
        String auto = System.getProperty("pullfix.lab.autostart", "auto"); // auto | true | false
        if (practiceLab != null && ("true".equals(auto) || "auto".equals(auto)
                && PracticeLab.noKubeconfig(System.getenv(), Path.of(System.getProperty("user.home"))))) {
            WorkbenchBackend pending = practiceLab.startBehind("S1", backendFactory);
            backendFactory = () -> pending;
        }
        if (early == null) {
            SettingsViewModel.load(tasks, store, s -> {
                place(s);
                begin(s);
            });
        } else {
            // through the runner's hand-over to the FX thread: this pulse ends (its frame is drawn) before the build
            tasks.submit("open the workbench", () -> early, this::begin, e -> begin(early));
        }
    }

    /** Size and position from the settings, kept on the screen. */
    private void place(UserSettings s) {
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(s.windowWidth() != null && s.windowWidth() > 400 ? s.windowWidth() : 1400,
                screen.getWidth()));
        stage.setHeight(Math.min(s.windowHeight() != null && s.windowHeight() > 300 ? s.windowHeight() : 880,
                screen.getHeight()));
        if (s.windowX() != null && s.windowY() != null && screen.contains(s.windowX(), s.windowY())) {
            stage.setX(s.windowX());
            stage.setY(s.windowY());
        }
    }

    private void begin(UserSettings s) {
        if (stopped) {
            return; // closed before its first frame was followed by the workbench (the start-up benchmark quits so)
        }
        build(s);
        stage.setOnCloseRequest(e -> rememberLayout());
        vm.start();
        StartupProbe.mark("workbench built");
        List<String> told = List.copyOf(untold);
        untold.clear();
        told.forEach(this::labMessage);
    }

    /** Points the window at another backend (the practice lab), keeping layout and settings. */
    private void useBackend(Supplier<WorkbenchBackend> factory) {
        backendFactory = factory;
        rememberLayout();
        MainViewModel old = vm;
        old.shutdown();
        String context = practiceLab == null ? null : practiceLab.session().map(l -> l.context()).orElse(null);
        build(old.settings().current().withLastContext(context));
        vm.start();
    }

    /** A message of the practice lab; one that comes before the workbench is built waits for it. */
    private void labMessage(String text) {
        if (vm == null) {
            untold.add(text);
            return;
        }
        vm.activity().log(text);
        dialogs.notifyInfo(i18n.t("lab.title"), text);
    }

    private void build(UserSettings s) {
        i18n = i18nFor(s.language());
        dialogs = new FxDialogService(() -> stage, i18n);
        backend = backendFactory.get();
        vm = WorkbenchAssembly.assemble(tasks, new FxBridge(), dialogs, i18n, backend, store, s, lab, checkTimeout);
        MainViewModel built = vm;
        StartupProbe.watchLive(built.connection().stateProperty(), built.podTree().loadedProperty(),
                () -> built.podTree().podCountProperty().get());
        wireFixes(s);
        view = new MainView(vm, i18n, this::languageChanged);
        stage.getScene().setRoot(view.root());
        stage.setTitle(i18n.t("app.title"));
        applyTheme(vm.settings().darkProperty().get());
        vm.settings().darkProperty().addListener((o, a, b) -> applyTheme(b));
        vm.activity().log(i18n.t("log.started"));
    }

    /** The wizard's fix buttons: one write path (backup, audit in the data folder), hidden in read-only mode. */
    private void wireFixes(UserSettings s) {
        boolean ro = readOnly || s.readOnly();
        Path data = data();
        String user = System.getProperty("user.name", "unknown");
        var fixes = new WizardFixes(i18n, tasks.reportingFailuresTo(vm.activity()::taskFailed),
                context -> new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(),
                        user + " (context " + context + ")", ro),
                ro, fixDialogs != null ? fixDialogs.apply(i18n) : new FxFixDialogs(i18n, stage),
                fixPrompts != null ? fixPrompts.apply(i18n) : new FxFixPrompts(i18n, () -> stage),
                dialogs, this::fixTarget, vm.activity()::log, vm.activity(), vm.wizard()::fixWritten,
                vm.wizard()::fixProven,
                fixWatch);
        vm.wizard().setFixHandler(fixes);
        vm.wizard().writesAllowedProperty().set(!ro);
    }

    private WizardFixes.Target fixTarget() {
        WorkbenchBackend.ClusterSession s = vm.connection().session();
        if (s == null) {
            return null;
        }
        String profile = vm.aws().selectedProfileProperty().get();
        String region = vm.aws().regionProperty().get();
        return new WizardFixes.Target(s.connection(), s.context().name(), backend.awsSessions(profile, region),
                vm.podTree().selectedPodProperty().get(), List.copyOf(vm.wizard().fixes()),
                dev.pullfix.model.connect.Workspace.registries(s.connection(), backend.environment()));
    }

    /** Switches the language (auto, en, ja) and rebuilds the window in it. */
    public void switchLanguage(String lang) {
        vm.settings().setLanguage(lang);
        languageChanged();
    }

    /** Rebuilds the window in the chosen language (reconnects the current context). */
    private void languageChanged() {
        rememberLayout();
        MainViewModel old = vm;
        old.shutdown();
        build(old.settings().current());
        vm.start();
    }

    static I18n i18nFor(String language) {
        if ("ja".equals(language)) {
            return new I18n(Locale.JAPANESE);
        }
        if ("en".equals(language)) {
            return new I18n(Locale.ENGLISH);
        }
        return I18n.forDefaultLocale();
    }

    private void applyTheme(boolean dark) {
        String sheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!sheet.equals(Application.getUserAgentStylesheet())) { // setting it again would restyle every node
            Application.setUserAgentStylesheet(sheet);
        }
        if (stage.getScene() != null && stage.getScene().getRoot() != null) {
            var cls = stage.getScene().getRoot().getStyleClass();
            cls.remove("dark");
            if (dark) {
                cls.add("dark");
            }
        }
    }

    private void rememberLayout() {
        if (vm == null || view == null) {
            return;
        }
        vm.settings().rememberLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                view.centreSplit().getDividerPositions()[0], view.verticalSplit().getDividerPositions()[0]);
    }

    /** The practice lab launcher, when this app made its own (tests look at the running scenario). */
    public Optional<PracticeLab> practiceLab() {
        return Optional.ofNullable(practiceLab);
    }

    /** The view-model (tests drive it); null until the settings are read. */
    public MainViewModel viewModel() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    /** Stops the lab and the session in tasks; the runner finishes the last settings save before it closes. */
    @Override
    public void stop() {
        stopped = true;
        if (vm != null) {
            vm.shutdown();
        }
        if (practiceLab != null && tasks != null) {
            PracticeLab l = practiceLab;
            tasks.run("stop the practice lab", l::close);
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
