package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.fix.FixDialogs;
import dev.pullfix.app.fix.FxFixDialogs;
import dev.pullfix.model.fix.Preview;
import dev.pullfix.model.fix.proof.FixProof;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders every state of the window to PNG for review, and checks each as it is captured (not part of
 * {@code mvn verify}: enabled by {@code -Dpullfix.screenshots=true}, see {@code app/screenshots.sh}). For each
 * practice-lab scenario of {@code -Dpullfix.shots.scenarios} (S1,S2,S9), in English and Japanese, light and dark, at
 * 1280x800 and 1920x1080: the tree and the failing-pods list, every wizard step, after Run all, before a pod is chosen
 * and while it is diagnosed; for S1 also the policy window (current and proposed side by side, the changed lines
 * marked), the same with invalid JSON typed into it, the write's confirmation dialog, and the wizard after the verify
 * phase proved the fix. Then the error states ({@link ErrorShots}). Each capture runs the layout test's checks
 * ({@link ShotBook}); the run prints a summary and fails on any violation. Files go to {@code app/target/screenshots/},
 * named {@code <scenario>-<lang>-<theme>-<size>-<state>.png}.
 */
@EnabledIfSystemProperty(named = "pullfix.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class Screenshots {
    static final Path OUT = Path.of("target", "screenshots");
    static final String BROKEN_JSON = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",\n";

    /** One of the four looks of a language. */
    record Look(boolean dark, int width, int height) {
        String name(String lang) {
            return lang + "-" + (dark ? "dark" : "light") + "-" + width + "x" + height;
        }
    }

    static final List<Look> LOOKS = List.of(new Look(false, 1280, 800), new Look(false, 1920, 1080),
            new Look(true, 1280, 800), new Look(true, 1920, 1080));
    static final List<String> LANGUAGES = List.of("en", "ja");

    Stage stage;
    ShotBook book;
    /** The last preview the write path asked to confirm, and the language the window was built in. */
    final AtomicReference<Preview> preview = new AtomicReference<>();
    volatile I18n i18n;
    volatile boolean confirmWrites;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static List<String> scenarios() {
        return List.of(System.getProperty("pullfix.shots.scenarios", "S1,S2,S9").split(","));
    }

    @Test
    void renderEveryStateInEveryLook(FxRobot robot) throws Exception {
        book = new ShotBook(robot, OUT);
        for (String scenario : scenarios()) {
            tour(robot, scenario);
        }
        new ErrorShots(robot, stage, book).renderAll();
        System.out.print(book.summary());
        assertThat(book.violations()).as("layout problems in the screenshots").isEmpty();
    }

    /** The confirmation seen by the write path: records the preview (shown as the real dialog by the tour). */
    FixDialogs dialogs(I18n language) {
        i18n = language;
        return p -> {
            preview.set(p);
            return confirmWrites;
        };
    }

    void tour(FxRobot robot, String scenario) throws Exception {
        try (LabTour tour = new LabTour(robot, stage).withFixDialogs(this::dialogs)) {
            tour.open(scenario, "en", false);
            for (String lang : LANGUAGES) {
                if (!lang.equals("en")) {
                    if (tour.lab().fixed()) { // the fix was written in English: the scenario again, in Japanese
                        robot.interact(() -> tour.app.switchLanguage(lang));
                        tour.lab(scenario);
                    } else {
                        tour.language(lang);
                    }
                }
                        for (Look look : LOOKS) {
                    String prefix = scenario + "-" + look(tour, look, lang);
                    for (int i = 0; i < tour.steps(); i++) {
                        tour.step(i);
                        LabTour.settle(); // a pulse renders the laid-out frame before the capture
                        book.shot(stage, prefix + "-step" + (i + 1));
                    }
                    robot.interact(() -> tour.app.viewModel().wizard().runAll());
                    LabTour.settle();
                    book.shot(stage, prefix + "-runall");
                    robot.interact(() -> tour.app.view().showLeft(1));
                    LabTour.settle();
                    book.shot(stage, prefix + "-failing");
                    robot.interact(() -> tour.app.view().showLeft(0));
                }
                // before a pod is chosen, then while it is diagnosed
                robot.interact(() -> tour.app.view().treeView().tree().getSelectionModel().clearSelection());
                for (Look look : LOOKS) {
                    String prefix = scenario + "-" + look(tour, look, lang);
                    book.shot(stage, prefix + "-before");
                }
                robot.interact(() -> tour.app.view().treeView().select(
                        tour.app.viewModel().podTree().nextFailing(null, true)));
                book.shot(stage, scenario + "-" + LOOKS.get(3).name(lang) + "-diagnosing");
                tour.diagnosed();
                if (scenario.equals("S1")) {
                    fix(robot, tour, lang);
                }
            }
        }
    }

    /** Applies a look (theme, window size) and returns its name. */
    static String look(LabTour tour, Look look, String lang) throws Exception {
        tour.dark(look.dark());
        tour.size(look.width(), look.height());
        return look.name(lang);
    }

    /** S1's fix as a user makes it: the policy window, the confirmation, the write, the verify phase's "Fixed". */
    void fix(FxRobot robot, LabTour tour, String lang) throws Exception {
        Button fix = (Button) stage.getScene().lookup("#fix-ECR_POLICY_EDIT");
        assertThat(fix).as("S1 offers the repository policy fix").isNotNull();
        robot.interact(fix::fire);
        tour.await(60, () -> policyWindow() != null);
        Stage policy = policyWindow();
        CodeArea proposed = (CodeArea) policy.getScene().lookup("#proposedPolicy");
        String proposal = proposed.getText();
        for (Look look : LOOKS) {
            String prefix = "S1-" + look(tour, look, lang);
            robot.interact(() -> {
                policy.setX(0);
                policy.setY(0);
                policy.setWidth(look.width());
                policy.setHeight(look.height());
            });
            LabTour.settle();
            book.shot(policy, prefix + "-policy");
            robot.interact(() -> proposed.replaceText(BROKEN_JSON));
            LabTour.settle();
            book.shot(policy, prefix + "-policy-invalid");
            robot.interact(() -> proposed.replaceText(proposal));
        }
        LabTour.settle();
        // Review and write: the write path's preview, shown as the real confirmation dialog in each look, cancelled
        preview.set(null);
        confirmWrites = false;
        robot.interact(() -> ((Button) policy.getScene().lookup("#policyWrite")).fire());
        tour.await(60, () -> preview.get() != null);
        for (Look look : LOOKS) {
            String prefix = "S1-" + look(tour, look, lang);
            List<Dialog<ButtonType>> shown = new ArrayList<>();
            robot.interact(() -> {
                Dialog<ButtonType> d = new FxFixDialogs(i18n, stage).build(preview.get());
                shown.add(d);
                d.show();
            });
            LabTour.settle();
            book.shot(shown.get(0).getDialogPane().getScene().getWindow(), prefix + "-confirm");
            robot.interact(() -> shown.get(0).close());
        }
        // the write itself, then the verify phase until the pod is proven fixed
        confirmWrites = true;
        robot.interact(() -> ((Button) policy.getScene().lookup("#policyWrite")).fire());
        var wizard = tour.app.viewModel().wizard();
        tour.await(150, () -> wizard.proofProperty().get() != null);
        if (wizard.proofProperty().get().verdict() != FixProof.Verdict.FIXED) {
            book.violation("S1-" + lang + "-fixed", "the verify phase says " + wizard.proofProperty().get().verdict());
        }
        tour.await(30, () -> policyWindow() == null && !wizard.runningProperty().get());
        for (Look look : LOOKS) {
            String name = "S1-" + look(tour, look, lang) + "-fixed";
            book.shot(stage, name);
            Node cause = stage.getScene().lookup("#wizardConclusion");
            if (cause != null && cause.isVisible()) {
                book.violation(name, "a cause is still shown after the fix was proven: stale");
            }
        }
    }

    /** The open policy window, or null. */
    Stage policyWindow() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing() && w instanceof Stage s && s.getScene() != null
                    && s.getScene().lookup("#policyWrite") != null) {
                return s;
            }
        }
        return null;
    }
}
