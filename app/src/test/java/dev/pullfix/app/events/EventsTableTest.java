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
