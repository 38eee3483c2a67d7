package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.testing.Snapshots;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeCell;
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
 * Issue 9's first start: no kubeconfig → the app opens practice scenario S1 (seed 000) by itself → pick the
 * failing pod → the wizard finds the repository policy's Deny → the ECR policy fix window opens on Pullfix's
 * proposal → write it (confirmed) → the lab's kubelet pulls on its next retry and the pod becomes Running.
 */
@ExtendWith(ApplicationExtension.class)
class PracticeLabWindowTest {
    PullfixApp app;
    final List<Preview> confirmed = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("pullfix.lab.autostart", "true");
        Path data = Files.createTempDirectory("pullfix-labwin");
        app = new PullfixApp(ModelBackend::system, data, null)
                .withCheckTimeout(java.time.Duration.ofSeconds(20))
                .withFixDialogs(i18n -> p -> {
                    confirmed.add(p);
                    return true;
                });
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("pullfix.lab.autostart");
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
    }

    void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void firstStartWithoutKubeconfigOpensTheLabAndS1IsFixedByClicking(FxRobot robot) throws Exception {
        waitUntil(90, () -> app.practiceLab().flatMap(PracticeLab::session).isPresent()
                && app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().failingCountProperty().get() > 0);
        LabSession lab = app.practiceLab().flatMap(PracticeLab::session).orElseThrow();
        assertThat(lab.scenario().id()).isEqualTo("S1");
        assertThat(lab.fixed()).isFalse();

        robot.clickOn("#treeSearch").write("ui-private");
        waitUntil(30, () -> robot.lookup(".pod-tree-cell").queryAll().stream()
                .anyMatch(n -> ((TreeCell<?>) n).getText() != null && ((TreeCell<?>) n).getText().startsWith("ui-private-")));
        TreeCell<?> cell = robot.lookup(".pod-tree-cell").queryAll().stream().map(n -> (TreeCell<?>) n)
                .filter(c -> c.getText() != null && c.getText().startsWith("ui-private-")).findFirst().orElseThrow();
        robot.clickOn(cell);
        var wizard = app.viewModel().wizard();
        waitUntil(90, () -> wizard.walkingProperty().get() && !wizard.runningProperty().get());
        robot.interact(() -> Snapshots.save(robot.lookup("#main").query(), "lab-s1-wizard"));
        assertThat(wizard.steps()).anyMatch(st -> st.resultProperty().get().verdict()
                == dev.pullfix.app.wizard.StepResult.Verdict.PROBLEM);
        waitUntil(30, () -> robot.lookup("#fix-ECR_POLICY_EDIT").tryQuery().isPresent());

        robot.clickOn("#fix-ECR_POLICY_EDIT");
        waitUntil(60, () -> robot.lookup("#policyWrite").tryQuery().isPresent());
        robot.interact(() -> Snapshots.save(robot.lookup("#policyEditor").query().getScene().getRoot(), "lab-s1-policy-fix"));
        robot.clickOn("#policyWrite");
        waitUntil(60, () -> !confirmed.isEmpty());
        assertThat(confirmed.get(0).plan().kind()).isEqualTo("ECR_POLICY_EDIT");
        assertThat(confirmed.get(0).diff()).contains("ecr:BatchGetImage");

        // the lab's kubelet retries with back-off (sped up) and now pulls: the pod becomes Running
        waitUntil(120, lab::fixed);
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof Stage s && s != robot.lookup("#main").query().getScene().getWindow()) {
                robot.interact(s::close);
            }
        }
    }
}
