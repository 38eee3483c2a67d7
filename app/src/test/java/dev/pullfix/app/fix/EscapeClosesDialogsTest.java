package dev.pullfix.app.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FxDialogService;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.Toasts;
import dev.pullfix.app.policy.PolicyEditorViewModelTest;
import dev.pullfix.app.shell.PracticeLab;
import dev.pullfix.app.shell.WorkbenchBackend;
import dev.pullfix.model.aws.InMemoryEcr;
import dev.pullfix.model.fix.AuditLog;
import dev.pullfix.model.fix.BackupStore;
import dev.pullfix.model.fix.Outcome;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.WritePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: "Escape and a Close button close every secondary window and dialog". Each one is opened as the app opens
 * it, Escape is pressed (the robot's key, in the window that has the focus), and the window must be gone with its
 * "no" answer: the write confirmation and the undo's confirmation write nothing (the repository is never set, the
 * audit says CANCELLED), the tag picker and the pull-secret form give nothing, the practice lab's scenario picker
 * starts no lab, the question and the error details close; the policy window closes with Escape and with "Close".
 */
@ExtendWith(ApplicationExtension.class)
class EscapeClosesDialogsTest {
    final I18n i18n = new I18n(Locale.ENGLISH);
    final InMemoryEcr repo = new InMemoryEcr(PolicyEditorViewModelTest.SEED);
    Stage main;
    Path data;
    WritePath path;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        data = Files.createTempDirectory("pullfix-escape");
        path = new WritePath(new BackupStore(data), new AuditLog(data), Clock.systemUTC(), "tester", false);
        StackPane root = new StackPane(new Toasts(i18n).node());
        stage.setScene(new Scene(root, 900, 600));
        stage.show();
    }

    static Set<Window> showing() {
        return Window.getWindows().stream().filter(Window::isShowing).collect(Collectors.toSet());
    }

    /**
     * Runs {@code opening} on the FX thread (it shows a window, modal or not), presses Escape once the new window is
     * up, and returns what {@code opening} answered; fails unless the window closed.
     */
    <T> T escapeFrom(FxRobot robot, Callable<T> opening) throws Exception {
        Set<Window> before = showing();
        Future<T> answer = WaitForAsyncUtils.asyncFx(opening);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing().size() > before.size());
        Window opened = showing().stream().filter(w -> !before.contains(w)).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, opened::isFocused);
        robot.type(KeyCode.ESCAPE);
        T result = answer.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isShowing());
        return result;
    }

    Preview preview() throws Exception {
        return path.preview(PolicyFixWindowTest.plans(repo).plan(PolicyFixWindowTest.modelProposal()));
    }

    @Test
    void escapeCancelsTheWriteConfirmationAndNothingIsWritten(FxRobot robot) throws Exception {
        FixViewModel fix = new FixViewModel(path, TaskRunner.synchronous(), new FxFixDialogs(i18n, main), l -> { },
                i18n);
        var plan = preview().plan();
        robot.interact(() -> fix.load(plan));
        assertThat(fix.previewProperty().get()).isNotNull();
        Outcome o = escapeFrom(robot, () -> {
            fix.apply();
            return fix.outcomeProperty().get();
        });
        assertThat(o.status()).isEqualTo(Outcome.Status.CANCELLED);
        assertThat(repo.calls).doesNotContain("set");
        assertThat(new AuditLog(data).read()).extracting(e -> e.outcome()).containsExactly("CANCELLED");
    }

    @Test
    void escapeCancelsTheUndoConfirmation(FxRobot robot) throws Exception {
        Preview p = preview();
        assertThat(escapeFrom(robot, () -> new FxFixDialogs(i18n, main).confirmUndo(p))).isFalse();
        assertThat(escapeFrom(robot, () -> new FxFixDialogs(i18n, main).confirm(p))).isFalse();
        assertThat(repo.calls).doesNotContain("set");
    }

    @Test
    void escapeClosesTheTagPickerAndThePullSecretFormWithNothingChosen(FxRobot robot) throws Exception {
        FxFixPrompts prompts = new FxFixPrompts(i18n, () -> main);
        assertThat(escapeFrom(robot, () -> prompts.pickTag("web", "nginx:foo", List.of("1.27.3", "1.27.2"))))
                .isEmpty();
        assertThat(escapeFrom(robot, () -> prompts.pickTag("web", "nginx:foo", List.of()))).isEmpty();
        Optional<FixPrompts.PullSecret> secret = escapeFrom(robot, () -> prompts.pullSecret("regcred", "docker.io"));
        assertThat(secret).isEmpty();
    }

    @Test
    void escapeClosesThePracticeLabPickerAndNoLabStarts(FxRobot robot) throws Exception {
        List<Supplier<WorkbenchBackend>> switched = new CopyOnWriteArrayList<>();
        List<String> told = new CopyOnWriteArrayList<>();
        PracticeLab lab = new PracticeLab(TaskRunner.synchronous(), () -> i18n, () -> main, switched::add, told::add);
        escapeFrom(robot, () -> {
            lab.open();
            return null;
        });
        assertThat(lab.session()).isEmpty();
        assertThat(switched).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void escapeClosesTheQuestionAndTheErrorDetails(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> main, i18n);
        assertThat(escapeFrom(robot, () -> dialogs.confirm("Title", "Message"))).isFalse();
        robot.interact(() -> dialogs.notifyError("Title", "Message", "the details"));
        escapeFrom(robot, () -> {
            robot.lookup(".toast .hyperlink").queryAs(javafx.scene.control.Hyperlink.class).fire();
            return null;
        });
    }

    @Test
    void escapeAndCloseCloseThePolicyWindowWithoutWriting(FxRobot robot) throws Exception {
        for (boolean byButton : new boolean[] {false, true}) {
            Set<Window> before = showing();
            Stage[] stage = new Stage[1];
            robot.interact(() -> {
                PolicyFixWindow w = new PolicyFixWindow(i18n, TaskRunner.synchronous(), path, p -> true,
                        PolicyFixWindowTest.plans(repo), new PolicyFixWindow.Repository("682844965773", "us-west-2",
                        "retail-sample-app-ui", "retail-sample-app-ui:0.4.0"), PolicyEditorViewModelTest.SEED,
                        PolicyFixWindowTest.modelProposal(), PolicyEditorViewModelTest.ROLE, List.of(), l -> { });
                stage[0] = w.window("policy", main);
                stage[0].show();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage[0]::isFocused);
            if (byButton) {
                Button close = (Button) stage[0].getScene().lookup("#policyClose");
                assertThat(close.getText()).isEqualTo(i18n.t("dialog.close"));
                robot.clickOn(close);
            } else {
                robot.type(KeyCode.ESCAPE);
            }
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage[0].isShowing());
            assertThat(showing()).isEqualTo(before);
        }
        assertThat(repo.calls).doesNotContain("set");
        assertThat(Files.exists(data.resolve("audit.jsonl"))).isFalse();
    }
}
