package dev.pullfix.app.podtree;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real table, headless: a row that changes under the user's choice does not choose another pod. */
@ExtendWith(ApplicationExtension.class)
class FailingPodsViewTest {
    final PodTreeViewModel tree = new PodTreeViewModel();
    FailingPodsViewModel vm;
    TableView<FailingPodsViewModel.Row> table;

    @Start
    void start(Stage stage) {
        vm = new FailingPodsViewModel(tree, p -> null);
        table = new FailingPodsView(vm, new I18n(Locale.ENGLISH)).root();
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    @Test
    void aCauseFoundForAnotherPodKeepsTheChosenPodSelected(FxRobot robot) {
        robot.interact(() -> {
            tree.load(snapshot(List.of(failing("auth", "cache", "cache-1"), failing("auth", "cron", "cron-1"),
                    failing("shop", "web", "web-1"))));
            TableColumn<FailingPodsViewModel.Row, ?> namespace = table.getColumns().stream()
                    .filter(c -> c.getText().equals("Namespace")).findFirst().orElseThrow();
            namespace.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(namespace));
        });
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().size() - 1));
        String chosen = table.getSelectionModel().getSelectedItem().key();
        assertThat(tree.selectedPodProperty().get().key()).isEqualTo(chosen);
        // the diagnosis of the pod chosen before (the first failing one) ends while the user picks another
        robot.interact(() -> {
            for (var r : List.copyOf(vm.rows())) {
                if (!r.key().equals(chosen)) {
                    vm.causeFound(r.key(), "Denied by a policy");
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem().key()).isEqualTo(chosen);
        assertThat(tree.selectedPodProperty().get().key()).isEqualTo(chosen);
        robot.interact(() -> vm.causeFound(chosen, "Tag not found"));
        assertThat(table.getSelectionModel().getSelectedItem().cause()).isEqualTo("Tag not found");
        assertThat(tree.selectedPodProperty().get().key()).isEqualTo(chosen);
    }

    @Test
    void thePodAndItsCauseComeFirstAndAreNeverCutToAnEllipsis(FxRobot robot) {
        String name = "ui-private-7655bf59b9-jprrj";
        robot.interact(() -> {
            table.getScene().getWindow().setWidth(360); // the left pane's default width
            tree.load(snapshot(List.of(failing("default", "ui-private", name))));
            vm.causeFound("default/" + name, "Denied by a policy");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("Pod", "Cause");
        robot.interact(() -> {
            for (var cell : table.lookupAll(".table-cell")) {
                if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null
                        && (c.getText().equals(name) || c.getText().equals("Denied by a policy"))) {
                    assertThat(dev.pullfix.app.testing.LayoutProbe.truncated(c)).as(c.getText()).isFalse();
                }
            }
        });
        assertThat(table.lookupAll(".table-cell").stream().filter(c -> c instanceof javafx.scene.control.TableCell<?, ?> t
                && name.equals(t.getText()))).isNotEmpty();
    }

    @Test
    void aChosenPodThatRecoversLeavesNoOtherPodChosen(FxRobot robot) {
        var web1 = failing("shop", "web", "web-1");
        robot.interact(() -> tree.load(snapshot(List.of(web1, failing("shop", "web", "web-2")))));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        assertThat(tree.selectedPodProperty().get().key()).isEqualTo("shop/web-1");
        robot.interact(() -> tree.apply(dev.pullfix.app.common.TestPods.deleted(web1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        assertThat(tree.selectedPodProperty().get()).matches(p -> p == null || p.key().equals("shop/web-1"));
    }
}
