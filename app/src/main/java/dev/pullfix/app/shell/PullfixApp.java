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
import dev.pullfix.model.fix.DataDirs;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: shows the window at once, then reads the kubeconfig and connects in the background.
 * Wires one {@link TaskRunner}, one {@link FxBridge}, one {@link DialogService}; switches theme (AtlantaFX Primer
 * light/dark as the user-agent stylesheet) and language (rebuilds the window with the other bundle).
 */
public class PullfixApp extends Application {
    private Supplier<WorkbenchBackend> backendFactory;
    private final Path dataDir;
    private LabLauncher lab;
    private PracticeLab practiceLab;
    private DialogService dialogs;
    private I18n i18n;
    private TaskRunner tasks;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private java.time.Duration checkTimeout = java.time.Duration.ofSeconds(20);
    private boolean readOnly;
    private java.util.function.Function<I18n, dev.pullfix.app.fix.FixDialogs> fixDialogs;
    private java.util.function.Function<I18n, dev.pullfix.app.fix.FixPrompts> fixPrompts;

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
    public PullfixApp withCheckTimeout(java.time.Duration d) {
        this.checkTimeout = d;
        return this;
    }

    /** Read-only: no write action is offered (also {@code --read-only} on the command line, or the setting). */
    public PullfixApp withReadOnly(boolean b) {
        this.readOnly = b;
        return this;
    }

    /** The fix dialogs (tests script the confirmation); default: the real dialogs. */
    public PullfixApp withFixDialogs(java.util.function.Function<I18n, dev.pullfix.app.fix.FixDialogs> f) {
        this.fixDialogs = f;
        return this;
    }

    /** The fix forms (tag picker, pull-secret form); tests script them. Default: the real dialogs. */
    public PullfixApp withFixPrompts(java.util.function.Function<I18n, dev.pullfix.app.fix.FixPrompts> f) {
        this.fixPrompts = f;
        return this;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Parameters params = getParameters();
        if (params != null && params.getRaw().contains("--read-only")) {
            readOnly = true;
        }
        tasks = new FxTaskRunner(4);
        if (lab == null) {
            practiceLab = new PracticeLab(tasks, () -> i18n, () -> stage, this::useBackend, this::labMessage);
            lab = practiceLab;
        }
        SettingsStore store = new SettingsStore(dataDir != null ? dataDir : DataDirs.userData());
        UserSettings s = store.load();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new javafx.scene.layout.Pane(), Math.min(width(s), screen.getWidth()),
                Math.min(height(s), screen.getHeight()));
        scene.getStylesheets().add(PullfixApp.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setScene(scene);
        if (s.windowX() != null && s.windowY() != null && screen.contains(s.windowX(), s.windowY())) {
            stage.setX(s.windowX());
            stage.setY(s.windowY());
        }
        build(store);
        stage.setOnCloseRequest(e -> rememberLayout());
        stage.show();
        StartupProbe.watch(stage.getScene());
        vm.start();
        String auto = System.getProperty("pullfix.lab.autostart", "auto"); // auto | true | false
        if (practiceLab != null && ("true".equals(auto) || "auto".equals(auto)
                && PracticeLab.noKubeconfig(System.getenv(), Path.of(System.getProperty("user.home"))))) {
            // a fresh machine: no cluster configured, so the practice lab opens by itself (scenario S1, seed 000)
            practiceLab.start("S1");
        }
    }

    /** Points the window at another backend (the practice lab), keeping layout and settings. */
    private void useBackend(Supplier<WorkbenchBackend> factory) {
        backendFactory = factory;
        SettingsStore store = new SettingsStore(dataDir != null ? dataDir : DataDirs.userData());
        rememberLayout();
        MainViewModel old = vm;
        old.shutdown();
        try {
            String context = practiceLab == null ? null : practiceLab.session().map(l -> l.context()).orElse(null);
            store.save(old.settings().withLastContext(context));
        } catch (java.io.IOException e) {
            // the window still switches; the lab context is the kubeconfig's current one anyway
        }
        build(store);
        vm.start();
    }

    private void labMessage(String text) {
        if (vm != null) {
            vm.log(text);
        }
        if (dialogs != null) {
            dialogs.notifyInfo(i18n.t("lab.title"), text);
        }
    }

    private static double width(UserSettings s) {
        return s.windowWidth() != null && s.windowWidth() > 400 ? s.windowWidth() : 1400;
    }

    private static double height(UserSettings s) {
        return s.windowHeight() != null && s.windowHeight() > 300 ? s.windowHeight() : 880;
    }

    private void build(SettingsStore store) {
        UserSettings s = store.load();
        i18n = i18nFor(s.language());
        dialogs = new FxDialogService(() -> stage, i18n);
        vm = new MainViewModel(tasks, new FxBridge(), dialogs, backendFactory.get(), i18n, store, lab, null, checkTimeout);
        wireFixes(i18n, dialogs, s);
        view = new MainView(vm, i18n, this::languageChanged);
        stage.getScene().setRoot(view.root());
        stage.setTitle(i18n.t("app.title"));
        applyTheme(vm.darkProperty().get());
        vm.darkProperty().addListener((o, a, b) -> applyTheme(b));
        vm.log(i18n.t("log.started"));
    }

    /** The wizard's fix buttons: one write path (backup, audit in the data folder), hidden in read-only mode. */
    private void wireFixes(I18n i18n, DialogService dialogs, UserSettings s) {
        boolean ro = readOnly || s.readOnly();
        Path data = dataDir != null ? dataDir : DataDirs.userData();
        String user = System.getProperty("user.name", "unknown");
        var fixes = new dev.pullfix.app.fix.WizardFixes(i18n, tasks,
                context -> new dev.pullfix.model.fix.WritePath(new dev.pullfix.model.fix.BackupStore(data),
                        new dev.pullfix.model.fix.AuditLog(data), java.time.Clock.systemUTC(),
                        user + " (context " + context + ")", ro),
                ro, fixDialogs != null ? fixDialogs.apply(i18n) : new dev.pullfix.app.fix.FxFixDialogs(i18n, stage),
                fixPrompts != null ? fixPrompts.apply(i18n) : new dev.pullfix.app.fix.FxFixPrompts(i18n, () -> stage),
                dialogs, this::fixTarget, vm::log, vm.wizard()::fixWritten);
        vm.wizard().setFixHandler(fixes);
        vm.wizard().writesAllowedProperty().set(!ro);
    }

    private dev.pullfix.app.fix.WizardFixes.Target fixTarget() {
        WorkbenchBackend.ClusterSession s = vm.session();
        if (s == null) {
            return null;
        }
        String profile = vm.selectedProfileProperty().get();
        String region = vm.regionProperty().get();
        return new dev.pullfix.app.fix.WizardFixes.Target(s.connection(), s.context().name(),
                vm.backend().awsSessions(profile, region), vm.podTree().selectedPodProperty().get(),
                List.copyOf(vm.wizard().fixes()));
    }

    /** Rebuilds the window in the chosen language (reconnects the current context). */
    private void languageChanged() {
        SettingsStore store = new SettingsStore(dataDir != null ? dataDir : DataDirs.userData());
        rememberLayout();
        MainViewModel old = vm;
        old.shutdown();
        // the old view-model saved the language in a task; make sure the new one reads it
        try {
            store.save(old.settings());
        } catch (java.io.IOException e) {
            // the window still switches; the choice is just not remembered
        }
        build(store);
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
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
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
        vm.rememberLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                view.centreSplit().getDividerPositions()[0], view.verticalSplit().getDividerPositions()[0]);
    }

    /** The practice lab launcher, when this app made its own (tests look at the running scenario). */
    public java.util.Optional<PracticeLab> practiceLab() {
        return java.util.Optional.ofNullable(practiceLab);
    }

    /** The view-model (tests drive it). */
    public MainViewModel viewModel() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    @Override
    public void stop() {
        if (practiceLab != null) {
            practiceLab.close();
        }
        if (vm != null) {
            vm.shutdown();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (vm != null) {
            try {
                // the window is gone: a last small write of the settings (layout, last context) is safe here
                new SettingsStore(dataDir != null ? dataDir : DataDirs.userData()).save(vm.settings());
            } catch (java.io.IOException e) {
                // nothing to tell anyone any more
            }
        }
    }
}
