package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullfix.app.shell.ConnectionViewModel;
import dev.pullfix.app.shell.ModelBackend;
import dev.pullfix.app.shell.PracticeLab;
import dev.pullfix.app.shell.PullfixApp;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * Issue 14: "Undo lives in the main window's activity too". Practice scenario S1 is fixed through its policy window
 * (which closes after the write); the main window's Activity tab then offers Undo of that write, which goes through
 * the write path again (the undo's own confirmation) and puts the lab account's repository policy back as it was.
 */
@ExtendWith(ApplicationExtension.class)
class ActivityUndoWindowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    PullfixApp app;
    Path data;
    final List<Preview> confirmed = new CopyOnWriteArrayList<>();
    final List<Preview> undoConfirmed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("pullfix.lab.autostart", "true");
        data = Files.createTempDirectory("pullfix-activity-undo");
        app = new PullfixApp(ModelBackend::system, data, null).withCheckTimeout(Duration.ofSeconds(20))
                .withFixWatch(Duration.ofSeconds(5))
                .withFixDialogs(i18n -> new FixDialogs() {
                    @Override
                    public boolean confirm(Preview p) {
                        confirmed.add(p);
                        return true;
                    }

                    @Override
                    public boolean confirmUndo(Preview p) {
                        undoConfirmed.add(p);
                        return true;
                    }
                });
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("pullfix.lab.autostart");
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
    }

    void waitUntil(int seconds, Callable<Boolean> c) throws Exception {
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
            throw new AssertionError("timed out; activity:\n" + (vm == null ? "-"
                    : String.join("\n", vm.activity().lines())), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every repository's policy in the lab account, parsed (whitespace and key order do not matter). */
    static Map<String, JsonNode> policies(LabSession lab) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        for (var r : lab.world().repositories()) {
            String text = r.path("policy").asText(null);
            out.put(r.path("name").asText(), text == null ? null : JSON.readTree(text));
        }
        return out;
    }

    @Test
    void theMainWindowsActivityUndoesThePolicyWriteAndThePolicyIsBack(FxRobot robot) throws Exception {
        waitUntil(120, () -> app.practiceLab().flatMap(PracticeLab::session).isPresent()
                && app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().failingCountProperty().get() > 0);
        LabSession lab = app.practiceLab().flatMap(PracticeLab::session).orElseThrow();
        assertThat(lab.scenario().id()).isEqualTo("S1");
        Map<String, JsonNode> before = policies(lab);
        var activity = app.viewModel().activity();
        assertThat(activity.undoOfferProperty().get()).as("nothing written yet").isNull();
        assertThat(robot.lookup("#activityUndoBar").query().isVisible()).isFalse();

        waitUntil(120, () -> robot.lookup("#fix-ECR_POLICY_EDIT").tryQuery().isPresent());
        robot.clickOn("#fix-ECR_POLICY_EDIT");
        waitUntil(60, () -> robot.lookup("#policyWrite").tryQuery().isPresent());
        robot.clickOn("#policyWrite");
        waitUntil(60, () -> !policies(lab).equals(before));
        assertThat(confirmed).hasSize(1);
        assertThat(undoConfirmed).isEmpty();

        // the policy window has closed; the main window's activity offers the undo of that write
        waitUntil(30, () -> secondaryWindows(robot).isEmpty() && activity.undoOfferProperty().get() != null);
        robot.clickOn("#tabActivity");
        Node bar = robot.lookup("#activityUndoBar").query();
        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.lookup("#activityUndoText").queryAs(Label.class).getText())
                .isEqualTo(app.viewModel().i18n().t("activity.lastWrite", activity.undoOfferProperty().get().summary()));
        int audited = new AuditLog(data).read().size();

        robot.clickOn("#activityUndo");
        waitUntil(60, () -> policies(lab).equals(before));
        assertThat(undoConfirmed).as("the undo asks its own confirmation").hasSize(1);
        assertThat(undoConfirmed.get(0).diff()).isNotBlank();
        assertThat(confirmed).hasSize(1);
        waitUntil(10, () -> activity.undoOfferProperty().get() == null);
        assertThat(bar.isVisible()).as("an undone write is no longer offered").isFalse();
        assertThat(new AuditLog(data).read()).as("the undo is audited like any write").hasSizeGreaterThan(audited);
    }

    static List<Window> secondaryWindows(FxRobot robot) {
        Window main = robot.lookup("#main").query().getScene().getWindow();
        return List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof Stage && w != main && w.isShowing())
                .toList();
    }
}
