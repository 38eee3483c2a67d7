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

    LabTour(FxRobot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    /** Starts the app (clean data folder, no lab of its own yet) and opens the scenario in the practice lab. */
    LabTour open(String scenario, String language, boolean dark) throws Exception {
        Path data = Files.createTempDirectory("pullfix-tour");
        Files.writeString(data.resolve("settings.json"), "{\"language\":\"" + language + "\",\"theme\":\""
                + (dark ? "dark" : "light") + "\"}");
        System.setProperty("pullfix.lab.autostart", "false");
        robot.interact(() -> {
            app = new PullfixApp(ModelBackend::system, data, null).withCheckTimeout(Duration.ofSeconds(20))
                    .withFixDialogs(i18n -> p -> false);
            app.start(stage);
        });
        await(60, () -> app.viewModel() != null);
        robot.interact(() -> app.practiceLab().orElseThrow().start(scenario));
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
        settle();
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
