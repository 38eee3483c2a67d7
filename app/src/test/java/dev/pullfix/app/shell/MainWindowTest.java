package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real application window opens headless (Monocle) with the main layout in place. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        new PullfixApp().start(stage);
    }

    @Test
    void mainWindowOpensWithTopBarTreeWizardAndTabs(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).anyMatch(w -> w instanceof Stage s && "Pullfix".equals(s.getTitle()) && s.isShowing());
        assertThat(robot.lookup("#contextPicker").queryAs(ComboBox.class)).isNotNull();
        assertThat(robot.lookup("#podTree").queryAs(TreeView.class)).isNotNull();
        assertThat(robot.lookup("#wizard").tryQuery()).isPresent();
        assertThat(robot.lookup("#connectionState").queryAs(Label.class).getText()).isNotBlank();
    }

    @Test
    void typingInTheSearchBoxAndTogglingFailingOnlyReachTheViewModel(FxRobot robot) {
        TextField search = robot.lookup("#treeSearch").queryAs(TextField.class);
        robot.clickOn(search).write("ui-private");
        ToggleButton failing = robot.lookup("#failingOnly").queryAs(ToggleButton.class);
        robot.clickOn(failing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEqualTo("ui-private");
        assertThat(failing.isSelected()).isTrue();
    }
}
