package dev.pullfix.app.shell;

import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window on a practice-lab scenario as a user would: starts the app with a clean data folder, opens
 * the scenario, waits for its failing pod's diagnosis, sizes the window, switches language and theme. Shared by the
 * layout test and the screenshots.
 */
final class LabTour implements AutoCloseable {
    final FxRobot robot;
    final Stage stage;
    PullfixApp app;
    /** The write path's confirmation: by default every write is cancelled (the tour only looks). */
    private java.util.function.Function<dev.pullfix.app.common.I18n, dev.pullfix.app.fix.FixDialogs> fixDialogs =
            i18n -> p -> false;

    LabTour(FxRobot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    /** The confirmation the fix buttons meet (the screenshots show the real dialog, then answer). */
    LabTour withFixDialogs(java.util.function.Function<dev.pullfix.app.common.I18n, dev.pullfix.app.fix.FixDialogs> f) {
        this.fixDialogs = f;
        return this;
    }

    /** Starts the app (clean data folder, no lab of its own yet) and opens the scenario in the practice lab. */
    LabTour open(String scenario, String language, boolean dark) throws Exception {
        Path data = Files.createTempDirectory("pullfix-tour");
        Files.writeString(data.resolve("settings.json"), "{\"language\":\"" + language + "\",\"theme\":\""
                + (dark ? "dark" : "light") + "\"}");
        System.setProperty("pullfix.lab.autostart", "false");
        robot.interact(() -> {
            app = new PullfixApp(ModelBackend::system, data, null).withCheckTimeout(Duration.ofSeconds(20))
                    .withFixDialogs(fixDialogs).withFixWatch(Duration.ofSeconds(90));
            app.start(stage);
        });
        await(60, () -> app.viewModel() != null);
        return lab(scenario);
    }

    /** (Re)starts the scenario in the practice lab and waits for its failing pod's diagnosis. */
    LabTour lab(String scenario) throws Exception {
        LabSession before = app.practiceLab().flatMap(PracticeLab::session).orElse(null);
        robot.interact(() -> app.practiceLab().orElseThrow().start(scenario));
        await(90, () -> app.practiceLab().flatMap(PracticeLab::session).map(s -> s != before).orElse(false)
                && app.practiceLab().flatMap(PracticeLab::session).map(s -> !s.fixed()).orElse(false));
        await(90, () -> app.practiceLab().flatMap(PracticeLab::session).map(s -> s.scenario().id().equals(scenario))
                .orElse(false) && app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().failingCountProperty().get() > 0);
        return diagnosed();
    }

    LabSession lab() {
        return app.practiceLab().flatMap(PracticeLab::session).orElseThrow();
    }

    /** Waits until a failing pod is chosen (the first one, when nothing is) and its diagnosis has finished. */
    LabTour diagnosed() throws Exception {
        await(30, () -> app.viewModel().podTree().nextFailing(null, true) != null);
        robot.interact(() -> {
            if (app.viewModel().podTree().selectedPodProperty().get() == null) {
                app.view().treeView().select(app.viewModel().podTree().nextFailing(null, true));
            }
        });
        WizardViewModel w = app.viewModel().wizard();
        await(120, () -> w.diagnosisProperty().get() != null && !w.runningProperty().get() && !w.steps().isEmpty());
        return this;
    }

    /** Resizes the window (the scene follows) and lets the layout settle. */
    void size(int width, int height) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        settle();
    }

    /** Rebuilds the window in another language (the lab keeps running) and waits for the diagnosis again. */
    void language(String lang) throws Exception {
        robot.interact(() -> app.switchLanguage(lang));
        await(60, () -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().failingCountProperty().get() > 0);
        diagnosed();
    }

    void dark(boolean on) throws Exception {
        robot.interact(() -> app.viewModel().settings().darkProperty().set(on));
        settle();
    }

    /** Focuses wizard step {@code i} (0-based). */
    void step(int i) throws Exception {
        robot.interact(() -> app.viewModel().wizard().goTo(i));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { // lay the scene out now rather than sleeping until the next pulse
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    int steps() {
        return app.viewModel().wizard().steps().size();
    }

    static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void await(int seconds, Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; activity: " + (app == null || app.viewModel() == null ? "-"
                    : String.join("\n", app.viewModel().activity().lines())), e);
        }
        settle();
    }

    @Override
    public void close() throws Exception {
        System.clearProperty("pullfix.lab.autostart");
        if (app != null) {
            WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
        }
    }
}
