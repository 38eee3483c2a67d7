package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.testing.Snapshots;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9's first start, as issue 14 wants it: no kubeconfig → the app opens practice scenario S1 (seed 000) by itself
 * → its one failing pod is chosen and diagnosed without a click → the wizard finds the repository policy's Deny →
 * click 1 opens the ECR policy fix window on Pullfix's proposal → click 2 "Review and write…" → click 3 "Write" in the
 * real confirmation dialog → the lab's kubelet pulls on its next retry and the pod becomes Running. At most 4 clicks.
 */
@ExtendWith(ApplicationExtension.class)
class PracticeLabWindowTest {
    PullfixApp app;
    long started;
    int clicks;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("pullfix.lab.autostart", "true");
        Path data = Files.createTempDirectory("pullfix-labwin");
        app = new PullfixApp(ModelBackend::system, data, null).withCheckTimeout(java.time.Duration.ofSeconds(20));
        started = System.nanoTime();
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("pullfix.lab.autostart");
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
    }

    void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return c.call();
                } catch (RuntimeException windowsChangingUnderTheLookup) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            var vm = app.viewModel();
            throw new AssertionError("timed out; wizard: " + (vm == null ? "-" : vm.wizard().conclusionProperty().get()
                    + " fixes " + vm.wizard().fixes() + " steps " + vm.wizard().steps().stream()
                    .map(st -> st.number() + " " + vm.wizard().text().verdict(st.result())).toList()) + "\nactivity:\n"
                    + (vm == null ? "-"
                    : String.join("\n", vm.activity().lines())), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(FxRobot robot, String query) {
        robot.clickOn(query);
        clicks++;
    }

    @Test
    void firstStartWithoutKubeconfigOpensTheLabAndS1IsFixedInThreeClicks(FxRobot robot) throws Exception {
        waitUntil(90, () -> app.practiceLab().flatMap(PracticeLab::session).isPresent()
                && app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().failingCountProperty().get() > 0);
        LabSession lab = app.practiceLab().flatMap(PracticeLab::session).orElseThrow();
        assertThat(lab.scenario().id()).isEqualTo("S1");
        assertThat(lab.fixed()).isFalse();

        var wizard = app.viewModel().wizard();
        waitUntil(120, () -> robot.lookup("#fix-ECR_POLICY_EDIT").tryQuery().isPresent());
        assertThat(wizard.podProperty().get().name()).startsWith("ui-private-");
        robot.interact(() -> Snapshots.save(robot.lookup("#main").query(), "lab-s1-wizard"));
        assertThat(wizard.steps()).anyMatch(st -> st.result().verdict()
                == dev.pullfix.model.diagnosis.runbook.Verdict.PROBLEM);

        javafx.scene.control.Button fix = robot.lookup("#fix-ECR_POLICY_EDIT").queryAs(javafx.scene.control.Button.class);
        click(robot, "#fix-ECR_POLICY_EDIT");
        waitUntil(60, () -> robot.lookup("#policyWrite").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(robot.lookup("#policyEditor").query().getScene().getRoot(), "lab-s1-policy-fix"));
        click(robot, "#policyWrite");
        waitUntil(60, () -> robot.lookup("#fixWrite").tryQuery().isPresent());
        assertThat(robot.lookup("#fixDiff").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("ecr:BatchGetImage");
        click(robot, "#fixWrite");

        // the lab's kubelet retries with back-off (sped up) and now pulls: the pod becomes Running
        waitUntil(120, lab::fixed);
        long podRunning = (System.nanoTime() - started) / 1_000_000;

        // the policy window closed after the write; the wizard proved the fix by the pod (the verify phase: Fixed)
        waitUntil(30, () -> secondaryStages(robot).isEmpty());
        waitUntil(120, () -> wizard.proofProperty().get() != null);
        long proven = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("S1 fixed from launch in %d clicks: pod Running after %.1f s, verify phase Fixed after %.1f s%n",
                clicks, podRunning / 1000.0, proven / 1000.0);
        assertThat(clicks).isLessThanOrEqualTo(4);
        assertThat(wizard.proofProperty().get().verdict()).isEqualTo(dev.pullfix.model.fix.proof.FixProof.Verdict.FIXED);
        assertThat(wizard.afterFixProperty().get()).startsWith("Fixed:");
        assertThat(wizard.conclusionProperty().get()).as("no stale cause under a running pod").isNull();
        // the recovered pod is walked again: no step of the failure, no fix offered for what is fixed
        waitUntil(120, () -> !wizard.runningProperty().get() && !wizard.steps().isEmpty());
        assertThat(wizard.conclusionProperty().get()).isNull();
        assertThat(wizard.fixes()).isEmpty();
        assertThat(wizard.afterFixProperty().get()).startsWith("Fixed:");
        // the same fix asked again (the button pressed before): one window for the repository, Undo enabled in it
        robot.interact(fix::fire);
        waitUntil(60, () -> robot.lookup("#policyUndo").tryQuery().isPresent());
        robot.interact(fix::fire);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(secondaryStages(robot)).hasSize(1);
        assertThat(robot.lookup("#policyUndo").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
        // Escape closes it
        Stage policy = secondaryStages(robot).get(0);
        robot.interact(() -> javafx.event.Event.fireEvent(policy.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE, false, false, false,
                false)));
        waitUntil(10, () -> secondaryStages(robot).isEmpty());
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof Stage s && s != robot.lookup("#main").query().getScene().getWindow()) {
                robot.interact(s::close);
            }
        }
    }

    static java.util.List<Stage> secondaryStages(FxRobot robot) {
        Window main = robot.lookup("#main").query().getScene().getWindow();
        return new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof Stage && w != main && w.isShowing())
                .map(w -> (Stage) w).toList();
    }
}
