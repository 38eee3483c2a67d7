package dev.pullfix.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Notifications sit in the window above the status bar, on an opaque background in the theme's colours, with a font
 * icon. Before: ControlsFX popups with no background under AtlantaFX (a CSS ClassCastException each), a glossy bitmap
 * icon, over the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class ToastsTest {
    Stage stage;
    HBox status;
    FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(Locale.ENGLISH);
        Toasts toasts = new Toasts(i18n);
        StackPane.setAlignment(toasts.node(), Pos.BOTTOM_RIGHT);
        BorderPane root = new BorderPane(new StackPane(new Region(), toasts.node()));
        status = new HBox(new Label("Ready"));
        status.setMinHeight(26);
        root.setBottom(status);
        Scene scene = new Scene(root, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        dialogs = new FxDialogService(() -> stage, i18n);
    }

    @AfterEach
    void lightAgain() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void anErrorShowsInTheWindowAboveTheStatusBarOnTheThemesBackground(FxRobot robot) {
        robot.interact(() -> dialogs.notifyError("Could not list pods", "The API server refused the token.", "401"));
        WaitForAsyncUtils.waitForFxEvents();
        Region toast = robot.lookup(".toast").queryAs(Region.class);
        assertThat(toast.getStyleClass()).contains("toast-error");
        Bounds b = toast.localToScene(toast.getLayoutBounds());
        Bounds bar = status.localToScene(status.getLayoutBounds());
        assertThat(b.getMaxY()).as("above the status bar").isLessThanOrEqualTo(bar.getMinY());
        assertThat(b.getMinX()).isGreaterThan(0);
        assertThat(b.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(fill(toast)).as("opaque light background").isEqualTo(Color.web("#ffffff"));
        assertThat(descendants(toast)).anyMatch(n -> n instanceof FontIcon).noneMatch(n -> n instanceof ImageView);
        assertThat(robot.lookup(".toast-text").queryAs(Label.class).getText()).isEqualTo("The API server refused the token.");

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fill(toast)).as("dark background in the dark theme").isEqualTo(Color.web("#0d1117"));

        robot.clickOn(".toast-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toast").tryQuery()).isEmpty();
    }

    static java.util.List<javafx.scene.Node> descendants(javafx.scene.Parent p) {
        java.util.List<javafx.scene.Node> out = new java.util.ArrayList<>();
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
            out.add(c);
            if (c instanceof javafx.scene.Parent q) {
                out.addAll(descendants(q));
            }
        }
        return out;
    }

    /** The innermost background fill (the first is the border colour). */
    static Color fill(Region r) {
        r.applyCss();
        var fills = r.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

}
