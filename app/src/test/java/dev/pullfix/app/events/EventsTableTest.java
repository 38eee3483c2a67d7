package dev.pullfix.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.model.cluster.PodEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real Events table, headless: the ages move on while it is shown, as {@code kubectl describe} would say. */
@ExtendWith(ApplicationExtension.class)
class EventsTableTest {
    final ObservableList<PodEvent> events = FXCollections.observableArrayList();

    @Start
    void start(Stage stage) {
        Instant started = Instant.now().minusSeconds(30);
        events.add(new PodEvent("Normal", "Started", "kubelet", "Started container app", 1, started, started, false,
                null));
        stage.setScene(new Scene(new EventsTable(new I18n(Locale.ENGLISH), events), 900, 300));
        stage.show();
    }

    @Test
    void theAgesMoveOnWhileTheTableIsShown(FxRobot robot) throws Exception {
        String before = ageCell(robot);
        assertThat(before).matches("3[0-9]s");
        WaitForAsyncUtils.waitFor((long) (EventsTable.AGE_TICK_SECONDS * 2 + 5), TimeUnit.SECONDS,
                () -> {
                    String now = ageCell(robot);
                    return now.matches("[0-9]+s") && !now.equals(before);
                });
        WaitForAsyncUtils.waitForFxEvents();
        String after = ageCell(robot);
        assertThat(after).as("a later age, not one read mid-refresh").matches("[0-9]+s");
        assertThat(Integer.parseInt(after.replace("s", ""))).isGreaterThan(Integer.parseInt(before.replace("s", "")));
    }

    /**
     * A window whose content is replaced (a new scene on the same stage) lets go of its old Events table: the age timer
     * runs only while the table is in a showing window. Keyed on the scene alone it kept ticking, and the toolkit's
     * pulse held the old table and through it the old window's whole tree (WindowBench had 3 windows of 20,000 pods
     * alive at once).
     */
    @Test
    void aTableWhoseWindowContentWasReplacedIsLetGo(FxRobot robot) throws Exception {
        java.util.List<java.lang.ref.WeakReference<EventsTable>> ref = new java.util.ArrayList<>();
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            EventsTable table = new EventsTable(new I18n(Locale.ENGLISH), FXCollections.observableArrayList(events));
            ref.add(new java.lang.ref.WeakReference<>(table));
            other[0] = new Stage();
            other[0].setScene(new Scene(table, 400, 200));
            other[0].show();
        });
        robot.interact(() -> other[0].setScene(new Scene(new javafx.scene.control.Label("next"), 400, 200)));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                System.gc();
                return ref.get(0).get() == null;
            });
        } finally {
            robot.interact(() -> other[0].close());
        }
        assertThat(ref.get(0).get()).isNull();
    }

    static PodEvent event(String type, String reason, String message, Instant at) {
        return new PodEvent(type, reason, "kubelet", message, 1, at, at, false, null);
    }

    @Test
    void theKeyEventIsTheKubeletsPullErrorNotItsSummary() {
        Instant t = Instant.now();
        PodEvent pulling = event("Normal", "Pulling", "Pulling image \"nginx:foo\"", t);
        PodEvent pullError = event("Warning", "Failed", "Failed to pull image \"nginx:foo\": not found", t);
        PodEvent summary = event("Warning", "Failed", "Error: ErrImagePull", t);
        PodEvent backOff = event("Normal", "BackOff", "Back-off pulling image \"nginx:foo\"", t);
        assertThat(EventsTable.keyEvent(java.util.List.of(pulling, pullError, summary, backOff))).isEqualTo(1);
        assertThat(EventsTable.keyEvent(java.util.List.of(pulling, summary, backOff))).as("else the newest warning")
                .isEqualTo(1);
        assertThat(EventsTable.keyEvent(java.util.List.of(pulling, backOff))).isEqualTo(-1);
    }

    @Test
    void theKeyEventIsScrolledIntoViewBelowManyOthers(FxRobot robot) {
        Instant t = Instant.now().minusSeconds(60);
        java.util.List<PodEvent> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(event("Normal", "Pulled", "Successfully pulled image \"busybox:" + i + "\"", t));
        }
        String error = "Failed to pull image \"nginx:foo\": rpc error: code = NotFound desc = failed to pull and unpack "
                + "image \"docker.io/library/nginx:foo\": failed to resolve reference \"docker.io/library/nginx:foo\": "
                + "docker.io/library/nginx:foo: not found";
        many.add(35, event("Warning", "Failed", error, t));
        robot.interact(() -> events.setAll(many));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-row-cell").<javafx.scene.Node>queryAll()).anyMatch(n -> n.isVisible()
                && ((javafx.scene.control.TableRow<?>) n).getIndex() == 35
                && n.localToScene(n.getLayoutBounds()).getMaxY() <= n.getScene().getHeight());
        javafx.scene.text.Text shown = robot.lookup(".text").<javafx.scene.Node>queryAll().stream()
                .filter(n -> n.isVisible() && n instanceof javafx.scene.text.Text tx && error.equals(tx.getText()))
                .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow(() -> new AssertionError("not shown"));
        javafx.scene.Node row = robot.lookup(".table-row-cell").<javafx.scene.Node>queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getIndex() == 35).findFirst().orElseThrow();
        var tb = shown.localToScene(shown.getLayoutBounds());
        var r = row.localToScene(row.getLayoutBounds());
        assertThat(tb.getHeight()).as("wrapped to several lines").isGreaterThan(30);
        assertThat(tb.getMaxY()).as("every line inside its row").isLessThanOrEqualTo(r.getMaxY() + 1);
        var table = (EventsTable) row.getScene().getRoot();
        double others = table.getColumns().stream().limit(4).mapToDouble(c -> c.getWidth()).sum();
        assertThat(others + table.getColumns().get(4).getWidth()).as("the message takes the rest of the width")
                .isGreaterThan(table.getWidth() - 30);
    }

    @Test
    void aRepeatedEventsAgeReadsAsKubectlsInEnglishAndIsTranslatedInJapanese() {
        Instant now = Instant.parse("2026-01-01T00:10:00Z");
        PodEvent pulling = new PodEvent("Normal", "Pulling", "kubelet", "Pulling image \"nginx:foo\"", 7,
                now.minusSeconds(31), now.minusSeconds(4), false, "e2");
        assertThat(EventsTable.age(new I18n(Locale.ENGLISH), pulling, now)).isEqualTo(pulling.age(now))
                .isEqualTo("4s (x7 over 31s)");
        assertThat(EventsTable.age(new I18n(Locale.JAPANESE), pulling, now)).isEqualTo("4s（31s の間に 7 回）");
        // the wizard's evidence carries kubectl's text: the list shows it the same way
        assertThat(EventsList.age(new I18n(Locale.JAPANESE), pulling.age(now))).isEqualTo("4s（31s の間に 7 回）");
        assertThat(EventsList.age(new I18n(Locale.ENGLISH), pulling.age(now))).isEqualTo("4s (x7 over 31s)");
    }

    static String ageCell(FxRobot robot) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && c.getTableColumn().getText().equals("Age") && c.getText() != null)
                .map(TableCell::getText).findFirst().orElse("");
    }
}
