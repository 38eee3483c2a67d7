package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.fix.FixDialogs;
import dev.pullfix.app.fix.FxFixDialogs;
import dev.pullfix.app.fix.FxFixPrompts;
import dev.pullfix.app.testing.LayoutProbe;
import dev.pullfix.app.testing.UntranslatedText;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.fix.proof.FixProof;
import dev.pullfix.model.lab.LabSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of the workbench rendered in Japanese shows no untranslated English (issue 14), as
 * {@link UntranslatedText} reads it (visible labels, cells, column headers, tabs, menus, tooltips, prompts; product
 * names, Kubernetes and policy vocabulary, commands, JSON, ARNs and the lab's names allowed): the main window with
 * the tree and the failing list, every wizard step of practice scenario S1 and after Run all, the lab's scenario
 * picker, the policy window (and with invalid JSON in it), the write's confirmation, the wizard after the verify
 * phase proved the fix, the fix forms (tag picker, pull secret), and the error notifications with their details.
 * Each screen also passes {@link LayoutProbe}, the layout test's checks, so the windows and dialogs beyond the wizard
 * states of {@link WorkbenchLayoutTest} are held to them in {@code mvn verify} too.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseRenderTest {
    Stage stage;
    final List<String> english = new ArrayList<>();
    final List<String> layout = new ArrayList<>();
    volatile double confirmationWidth;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Reads a window for English, and for what the layout test looks for (beyond the wizard states it walks). */
    void scan(FxRobot robot, String screen, Window w) {
        robot.interact(() -> {
            w.getScene().getRoot().applyCss();
            w.getScene().getRoot().layout();
            UntranslatedText.in(w.getScene().getRoot()).forEach(p -> english.add(screen + ": " + p));
            LayoutProbe.problems(w.getScene()).forEach(p -> layout.add(screen + ": " + p));
        });
    }

    /** The confirmation the write path meets: the real dialog, read while it shows, then "Write". */
    FixDialogs confirming(I18n i18n) {
        return p -> {
            Dialog<ButtonType> d = new FxFixDialogs(i18n, stage).build(p);
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            UntranslatedText.in(d.getDialogPane()).forEach(t -> english.add("confirmation: " + t));
            LayoutProbe.problems(d.getDialogPane().getScene()).forEach(t -> layout.add("confirmation: " + t));
            checkText("confirmation title", d.getTitle());
            confirmationWidth = d.getDialogPane().getWidth();
            d.close();
            return true;
        };
    }

    void checkText(String where, String text) {
        String w = UntranslatedText.englishWord(text);
        if (w != null) {
            english.add(where + ": \"" + text + "\" (" + w + ")");
        }
    }

    @Test
    void theWorkbenchFromDiagnosisToFixedShowsNoEnglishInJapanese(FxRobot robot) throws Exception {
        try (LabTour tour = new LabTour(robot, stage).withFixDialogs(this::confirming)) {
            tour.open("S1", "ja", false);
            tour.size(1280, 800);
            for (int i = 0; i < tour.steps(); i++) {
                tour.step(i);
                scan(robot, "S1 step " + (i + 1), stage);
            }
            robot.interact(() -> tour.app.viewModel().wizard().runAll());
            scan(robot, "S1 after Run all", stage);
            robot.interact(() -> tour.app.view().showLeft(1));
            scan(robot, "failing pods", stage);
            robot.interact(() -> tour.app.view().showLeft(0));
            I18n ja = new I18n(Locale.JAPANESE);
            shown(robot, "lab picker", () -> {
                List<String> choices = new ArrayList<>(List.of(ja.t("lab.reset", "S1")));
                LabSession.scenarios().forEach(s -> choices.add(s.id() + " — " + s.title(Locale.JAPANESE)));
                Dialog<String> d = tour.app.practiceLab().orElseThrow().dialog(ja, choices);
                d.show();
                return d;
            });
            FxFixPrompts prompts = new FxFixPrompts(ja, () -> stage);
            modal(robot, "tag picker", () -> prompts.pickTag("ui", "nginx:foo", List.of("stable", "1.27")));
            modal(robot, "pull secret form", () -> prompts.pullSecret("regcred", "docker.io"));

            // the fix: the policy window, with invalid JSON typed in, then Review and write → confirmation → Write
            Button fix = (Button) stage.getScene().lookup("#fix-ECR_POLICY_EDIT");
            robot.interact(fix::fire);
            tour.await(60, () -> policyWindow() != null);
            Stage policy = policyWindow();
            scan(robot, "policy window", policy);
            CodeArea proposed = (CodeArea) policy.getScene().lookup("#proposedPolicy");
            String proposal = proposed.getText();
            robot.interact(() -> proposed.replaceText(Screenshots.BROKEN_JSON));
            LabTour.settle();
            scan(robot, "policy window with invalid JSON", policy);
            robot.interact(() -> proposed.replaceText(proposal));
            LabTour.settle();
            robot.interact(() -> ((Button) policy.getScene().lookup("#policyWrite")).fire());
            var wizard = tour.app.viewModel().wizard();
            tour.await(150, () -> wizard.proofProperty().get() != null && !wizard.runningProperty().get());
            assertThat(wizard.proofProperty().get().verdict()).isEqualTo(FixProof.Verdict.FIXED);
            scan(robot, "fixed", stage);
            assertThat(confirmationWidth).as("the confirmation is wider than AtlantaFX's 600 px dialog cap")
                    .isGreaterThanOrEqualTo(880);
        }
        assertThat(english).as("English in the Japanese window").isEmpty();
        assertThat(layout).as("nodes leaving their window, cut causes, fixes or step titles").isEmpty();
    }

    @Test
    void errorNotificationsAndTheirDetailsShowNoEnglishInJapanese(FxRobot robot) throws Exception {
        Path home = Files.createTempDirectory("pullfix-ja-errors");
        Path data = Files.createTempDirectory("pullfix-ja-errors-data");
        Files.writeString(data.resolve("settings.json"), "{\"language\":\"ja\",\"theme\":\"dark\"}");
        FakeBackend b = new FakeBackend();
        b.contexts.add(FakeBackend.context("prod-eks", true, null));
        b.listFailures.put("prod-eks", ClusterError.of(ClusterError.Code.FORBIDDEN, "list", "pods", "*",
                "pods is forbidden: User \"arn:aws:sts::111122223333:assumed-role/dev/alice\" cannot list resource "
                        + "\"pods\" in API group \"\" at the cluster scope"));
        b.openFailures.put("staging-eks", ClusterError.of(ClusterError.Code.UNREACHABLE, "https://staging.example:6443",
                "connect timed out"));
        b.contexts.add(FakeBackend.context("staging-eks", false, null));
        System.setProperty("pullfix.lab.autostart", "false");
        PullfixApp[] app = new PullfixApp[1];
        try {
            robot.interact(() -> {
                app[0] = new PullfixApp(() -> b, data, null).withCheckTimeout(Duration.ofSeconds(5));
                app[0].start(stage);
            });
            await(30, () -> app[0].viewModel() != null && app[0].viewModel().connection().stateProperty().get()
                    == ConnectionViewModel.State.RECONNECTING);
            scan(robot, "403 on listing pods", stage);
            robot.interact(() -> app[0].viewModel().connection().selectedContextProperty().set("staging-eks"));
            await(30, () -> app[0].viewModel().connection().stateProperty().get() == ConnectionViewModel.State.ERROR
                    && stage.getScene().lookup("#toasts .hyperlink") != null);
            scan(robot, "unreachable server", stage);
            Hyperlink details = (Hyperlink) stage.getScene().lookup("#toasts .hyperlink");
            shown(robot, "error details", () -> {
                details.fire();
                return null;
            });
        } finally {
            System.clearProperty("pullfix.lab.autostart");
            if (app[0] != null) {
                WaitForAsyncUtils.asyncFx(() -> app[0].stop()).get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(english).as("English in the Japanese window").isEmpty();
        assertThat(layout).as("nodes leaving their window, cut causes, fixes or step titles").isEmpty();
    }

    /** Shows a window (non-modal, or one the action opens), reads it and closes it. */
    void shown(FxRobot robot, String screen, Callable<Dialog<?>> show) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        Dialog<?>[] d = new Dialog<?>[1];
        robot.interact(() -> {
            try {
                d[0] = show.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await(10, () -> newWindow(before) != null);
        Window w = newWindow(before);
        scan(robot, screen, w);
        robot.interact(w::hide);
    }

    /** A modal form (showAndWait) opened from an event, read while it waits, then closed. */
    void modal(FxRobot robot, String screen, Runnable open) throws Exception {
        Set<Window> before = Set.copyOf(Window.getWindows());
        javafx.application.Platform.runLater(open);
        await(10, () -> newWindow(before) != null);
        Window w = newWindow(before);
        scan(robot, screen, w);
        robot.interact(w::hide);
    }

    static Window newWindow(Set<Window> before) {
        return new ArrayList<>(Window.getWindows()).stream().filter(w -> !before.contains(w) && w.isShowing())
                .findFirst().orElse(null);
    }

    Stage policyWindow() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing() && w instanceof Stage s && s.getScene() != null
                    && s.getScene().lookup("#policyWrite") != null) {
                return s;
            }
        }
        return null;
    }

    static void await(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
