package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.testing.ContrastProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: text contrast at least 4.5:1 (WCAG AA) in the light and the dark theme, computed from the colours the
 * rendered nodes resolved from the CSS ({@link ContrastProbe}): practice scenario S1 at 1280x800 with the cause banner,
 * the selected (focused) tree row, the Events table, the YAML and activity tabs, a notification, the "written" banner,
 * and the policy window (code areas, lint panel, verdict). Each of these parts must have been sampled, so the test
 * cannot pass by finding nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ContrastTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyTextHasContrastOfAtLeast4_5InLightAndDark(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        try (LabTour tour = new LabTour(robot, stage)) {
            tour.open("S1", "en", false);
            tour.size(1280, 800);
            for (boolean dark : new boolean[] {false, true}) {
                tour.dark(dark);
                String theme = dark ? "dark" : "light";
                var vm = tour.app.viewModel();
                robot.interact(() -> {
                    tour.app.view().treeView().tree().requestFocus();
                    vm.activity().failed(vm.i18n().t("fix.title"), new IllegalStateException("a notification"));
                });
                LabTour.settle();
                Map<String, Predicate<Node>> main = new LinkedHashMap<>();
                main.put("cause banner", n -> n.getId() != null && n.getId().equals("wizardConclusion"));
                main.put("step title", n -> n.getStyleClass().contains("step-title"));
                main.put("selected tree row", n -> n instanceof TreeCell<?> c && c.isSelected());
                main.put("events table cell", n -> n.getStyleClass().contains("table-cell")
                        && ContrastProbe.within(n, stage.getScene().lookup("#eventsTable")));
                main.put("notification", n -> n.getStyleClass().contains("toast"));
                main.put("status line", n -> "statusLine".equals(n.getId()));
                check(stage.getScene(), theme + " main window", main, problems);

                bottomTab(robot, "tabYaml");
                check(stage.getScene(), theme + " YAML tab", Map.of("YAML", n -> "podYaml".equals(n.getId())),
                        problems);
                bottomTab(robot, "tabActivity");
                check(stage.getScene(), theme + " activity tab",
                        Map.of("activity log", n -> "activityLog".equals(n.getId())), problems);
                bottomTab(robot, "tabEvents");

                robot.interact(() -> robot.lookup("#fix-ECR_POLICY_EDIT").queryButton().fire());
                tour.await(60, () -> policyWindow() != null && policyWindow().getScene().lookup("#policyWrite") != null);
                Scene policy = policyWindow().getScene();
                Map<String, Predicate<Node>> parts = new LinkedHashMap<>();
                parts.put("code area", n -> n.getStyleClass().contains("json-area"));
                parts.put("lint panel", n -> "lintPanel".equals(n.getId()));
                parts.put("verdict", n -> "pullVerdict".equals(n.getId()));
                check(policy, theme + " policy window", parts, problems);
                robot.interact(() -> policy.getWindow().hide());

                robot.interact(() -> vm.wizard().fixWritten(vm.i18n().t("fix.written.watch")));
                LabTour.settle();
                check(stage.getScene(), theme + " after the write",
                        Map.of("written banner", n -> "wizardAfterFix".equals(n.getId())), problems);
                robot.interact(() -> {
                    vm.wizard().fixProven(null);
                    vm.wizard().diagnoseAgain();
                });
                tour.diagnosed();
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Samples the scene: every text below 4.5:1 is a problem, and so is a named part with no text sampled. */
    static void check(Scene scene, String where, Map<String, Predicate<Node>> required, List<String> problems) {
        List<ContrastProbe.Sample> samples = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                samples.addAll(ContrastProbe.samples(scene));
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        samples.stream().filter(s -> s.ratio() < ContrastProbe.MIN).forEach(s -> problems.add(where + ": " + s));
        required.forEach((part, is) -> {
            if (samples.stream().noneMatch(s -> anyAncestor(s.node(), is))) {
                problems.add(where + ": no text of the " + part + " was sampled");
            }
        });
    }

    static boolean anyAncestor(Node n, Predicate<Node> is) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (is.test(p)) {
                return true;
            }
        }
        return false;
    }

    void bottomTab(FxRobot robot, String id) throws Exception {
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).forEach(p -> p.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> p.getSelectionModel().select(t))));
        LabTour.settle();
    }

    Window policyWindow() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage
                && w.getScene() != null && w.getScene().lookup("#policyEditor") != null).findFirst().orElse(null);
    }

}
