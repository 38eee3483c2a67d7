package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.podtree.TreeRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle), against two lab API servers named as contexts lab-a and lab-b. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static Path dir;
    static LabFixture lab;
    PullfixApp app;

    @BeforeAll
    static void labs() throws Exception {
        dir = Files.createTempDirectory("pullfix-window");
        lab = new LabFixture(dir, 400, 60);
    }

    @AfterAll
    static void stopLabs() {
        lab.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        app = new PullfixApp(lab::backend, data, LabLauncher.unavailable())
                .withCheckTimeout(java.time.Duration.ofSeconds(3));
        app.start(stage);
    }

    void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; connection " + app.viewModel().connection().stateProperty().get() + ", pods "
                    + app.viewModel().podTree().podCountProperty().get() + ", activity " + app.viewModel().activity().lines(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitLive() throws Exception {
        waitUntil(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().podCountProperty().get() > 0);
    }

    @Test
    void theWindowConnectsToTheCurrentContextAndShowsFailingCounts(FxRobot robot) throws Exception {
        waitLive();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isEqualTo("Live");
        assertThat(app.viewModel().podTree().podCountProperty().get()).isEqualTo(400);
        assertThat(app.viewModel().podTree().failingCountProperty().get()).isBetween(20, 80);
        assertThat(robot.lookup("#treeCounts").queryAs(Label.class).getText()).startsWith("400 pods");
        @SuppressWarnings("unchecked")
        TreeView<TreeRow> tree = robot.lookup("#podTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).isNotEmpty();
        assertThat(robot.lookup(".pod-tree-cell").queryAll()).anyMatch(n -> ((TreeCell<?>) n).getText() != null
                && ((TreeCell<?>) n).getText().contains("failing"));
    }

    @Test
    void selectingAnEcr403PodAndClickingNextReachesTheCause(FxRobot robot) throws Exception {
        waitLive();
        String key = lab.ecr403Pod(0).orElseThrow();
        String name = key.substring(key.indexOf('/') + 1);
        robot.clickOn("#treeSearch").write(name);
        waitUntil(() -> robot.lookup(".pod-tree-cell").queryAll().stream()
                .anyMatch(n -> ((TreeCell<?>) n).getText() != null && ((TreeCell<?>) n).getText().startsWith(name)));
        TreeCell<?> cell = robot.lookup(".pod-tree-cell").queryAll().stream().map(n -> (TreeCell<?>) n)
                .filter(c -> c.getText() != null && c.getText().startsWith(name)).findFirst().orElseThrow();
        robot.clickOn(cell);
        var wizard = app.viewModel().wizard();
        waitUntil(() -> wizard.diagnosisProperty().get() != null && !wizard.runningProperty().get());
        assertThat(robot.lookup("#wizardTitle").queryAs(Label.class).getText()).contains(name);
        int n = wizard.steps().size();
        System.out.println("runbook walk of " + key + ":");
        wizard.steps().forEach(s -> System.out.println("  " + s.number() + " " + wizard.text().title(s.number(), s.result())
                + " -> " + wizard.text().verdict(s.result())));
        assertThat(n).as("the runbook's numbered steps").isGreaterThanOrEqualTo(3);
        assertThat(wizard.currentProperty().get()).isZero();
        for (int i = 1; i < n; i++) {
            waitUntil(() -> !robot.lookup("#wizardNext").queryAs(Button.class).isDisabled());
            robot.clickOn("#wizardNext");
            int step = i;
            waitUntil(() -> wizard.currentProperty().get() == step);
            assertThat(robot.lookup("#step-" + (i + 1)).tryQuery()).isPresent();
        }
        assertThat(robot.lookup("#wizardNext").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(wizard.steps()).anyMatch(st -> st.result().verdict()
                == dev.pullfix.model.diagnosis.runbook.Verdict.PROBLEM);
        // without an AWS endpoint the AWS side could not be checked, and the step says why instead of hanging
        assertThat(wizard.steps()).anyMatch(st -> st.result().verdict()
                == dev.pullfix.model.diagnosis.runbook.Verdict.COULD_NOT_CHECK
                && !wizard.text().summary(st.result()).isBlank());
        assertThat(robot.lookup("#wizardConclusion").queryAs(Label.class).getText()).startsWith("Cause:")
                .contains("Denied by a policy").contains("could not be checked");
        assertThat(app.viewModel().details().events()).anyMatch(e -> e.message().contains("403 Forbidden"));
        assertThat(app.viewModel().details().yamlProperty().get()).contains("name: " + name);
    }

    @Test
    void failingOnlyAndSearchFilterTheTree(FxRobot robot) throws Exception {
        waitLive();
        robot.clickOn("#failingOnly");
        WaitForAsyncUtils.waitForFxEvents();
        var vm = app.viewModel().podTree();
        assertThat(vm.roots()).allSatisfy(ns -> assertThat(ns.failing()).isTrue());
        assertThat(vm.roots().stream().flatMap(ns -> ns.visibleChildren().stream())
                .flatMap(w -> w.visibleChildren().stream())).allMatch(TreeRow::failing);
        robot.clickOn("#treeSearch").write("403-no-such-pod");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.roots()).isEmpty();
    }

    @Test
    void switchingContextShowsTheOtherClustersPods(FxRobot robot) throws Exception {
        waitLive();
        robot.interact(() -> app.viewModel().connection().selectedContextProperty().set("lab-b"));
        waitUntil(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.LIVE
                && app.viewModel().podTree().podCountProperty().get() == 60);
        assertThat(app.viewModel().activity().lines()).anyMatch(l -> l.contains("lab-b"));
    }

    @Test
    void liveChangesArriveWithoutLosingTheSelection(FxRobot robot) throws Exception {
        waitLive();
        var tree = app.viewModel().podTree();
        TreeRow.PodRow failing = tree.nextFailing(null, true);
        robot.interact(() -> app.view().treeView().select(failing));
        assertThat(tree.selectedRowProperty().get()).isSameAs(failing);
        TreeRow.PodRow victim = tree.nextFailing(failing, true);
        lab.servers[0].store().remove(dev.pullfix.model.lab.server.ResourceTypes.PODS, victim.info().namespace(),
                victim.info().name());
        waitUntil(() -> tree.podCountProperty().get() == 399);
        assertThat(tree.selectedRowProperty().get()).isSameAs(failing);
        @SuppressWarnings("unchecked")
        TreeView<TreeRow> view = robot.lookup("#podTree").queryAs(TreeView.class);
        assertThat(view.getSelectionModel().getSelectedItem().getValue()).isSameAs(failing);
    }

    @Test
    void f8JumpsToTheNextFailingPodWhereverTheFocusIs(FxRobot robot) throws Exception {
        waitLive();
        var tree = app.viewModel().podTree();
        TreeRow.PodRow first = tree.nextFailing(null, true);
        assertThat(tree.selectedRowProperty().get()).as("the first failing pod is chosen on open").isSameAs(first);
        robot.clickOn("#regionField");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.selectedRowProperty().get()).isSameAs(tree.nextFailing(first, true));
        robot.press(KeyCode.SHIFT, KeyCode.F8).release(KeyCode.F8, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tree.selectedRowProperty().get()).isSameAs(first);
    }

    @Test
    void ctrlFFindsAPodFromAnywhereAndTheMenusShowTheirShortcuts(FxRobot robot) throws Exception {
        waitLive();
        robot.clickOn("#regionField");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#treeSearch").query().isFocused()).isTrue();
        var menus = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus();
        assertThat(menus.stream().flatMap(m -> m.getItems().stream())
                .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem) && !(i instanceof javafx.scene.control.Menu)
                        && !(i instanceof javafx.scene.control.RadioMenuItem)))
                .allMatch(i -> i.getAccelerator() != null);
    }

    @Test
    void theFailingPodsListSortsAndChoosingARowDiagnosesThatPod(FxRobot robot) throws Exception {
        waitLive();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<dev.pullfix.app.podtree.FailingPodsViewModel.Row> table =
                robot.lookup("#failingPods").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).hasSize(app.viewModel().podTree().failingCountProperty().get());
        robot.interact(() -> {
            var nsColumn = table.getColumns().get(0);
            nsColumn.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(java.util.List.of(nsColumn));
        });
        var items = table.getItems();
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).namespace().compareTo(items.get(i).namespace())).isGreaterThanOrEqualTo(0);
        }
        // the row's key when chosen: a diagnosis that ends meanwhile names a cause and may move rows of equal namespace
        var chosen = new java.util.concurrent.atomic.AtomicReference<String>();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(items.size() - 1);
            chosen.set(items.get(items.size() - 1).key());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.viewModel().wizard().podProperty().get().key()).isEqualTo(chosen.get());
        assertThat(table.getSelectionModel().getSelectedItem().key()).isEqualTo(chosen.get());
    }

    @Test
    void withoutAKubeconfigTheEmptyStateOffersThePracticeLab(FxRobot robot) throws Exception {
        Path empty = Files.createTempDirectory(dir, "home");
        robot.interact(() -> {
            Stage s = new Stage();
            PullfixApp other = new PullfixApp(() -> new ModelBackend(
                    dev.pullfix.model.cluster.ClusterEnvironment.of(Map.of(), empty),
                    dev.pullfix.model.aws.AwsEnvironment.of(Map.of(), empty),
                    dev.pullfix.model.cluster.ClusterConnector.Options.defaults()), empty, LabLauncher.unavailable());
            other.start(s);
            app = other;
        });
        waitUntil(() -> app.viewModel().connection().stateProperty().get() == ConnectionViewModel.State.NO_KUBECONFIG);
        assertThat(robot.lookup("#openLabEmpty").<javafx.scene.Node>queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.getParent().isVisible())).isTrue();
    }
}
