package dev.pullfix.app.common;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Notifications inside the main window: a column at its bottom right, above the status bar, in the theme's colours
 * (style classes {@code toast}, {@code toast-error}, {@code toast-info}), each with a close button and hidden after a
 * while. The column lets clicks through where it shows nothing. Replaces ControlsFX's popup notifications, which had
 * no background under AtlantaFX (Modena colours it does not define: a CSS ClassCastException each), a glossy
 * bitmap icon, and sat over the status bar. FX thread only.
 */
public final class Toasts {
    /** The id of the column (the dialog service finds it in the window's scene). */
    public static final String ID = "toasts";
    private static final int MAX_SHOWN = 3;

    private final VBox column = new VBox();
    private final I18n i18n;

    public Toasts(I18n i18n) {
        this.i18n = i18n;
        column.setId(ID);
        column.setAlignment(Pos.BOTTOM_RIGHT);
        column.setPickOnBounds(false);
        column.setFillWidth(false);
        column.setMaxWidth(Region.USE_PREF_SIZE);
        column.setMaxHeight(Double.MAX_VALUE);
        column.getProperties().put(Toasts.class, this);
    }

    /** The column to stack over the window's content (not over the status bar), aligned bottom right. */
    public Node node() {
        return column;
    }

    /** The toasts of a column found in a scene, or null. */
    public static Toasts of(Node column) {
        return column == null ? null : (Toasts) column.getProperties().get(Toasts.class);
    }

    /**
     * Shows a toast; {@code action} (may be null) is a link such as "Details".
     *
     * @return the toast's node (tests look at it)
     */
    public Node show(boolean error, String title, String message, String actionText, Runnable action,
                     Duration hideAfter) {
        FontIcon icon = new FontIcon(error ? Material2AL.ERROR_OUTLINE : Material2AL.INFO);
        icon.setIconSize(20);
        Label head = new Label(title);
        head.getStyleClass().add("toast-title");
        head.setWrapText(true);
        Label text = new Label(message);
        text.getStyleClass().add("toast-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(4, head, text);
        body.setMaxWidth(360);
        body.setMinWidth(200);
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox toast = new HBox(icon, body);
        if (actionText != null && action != null) {
            Hyperlink link = new Hyperlink(actionText);
            link.setOnAction(e -> action.run());
            body.getChildren().add(link);
        }
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll("flat", "toast-close");
        close.setAccessibleText(i18n.t("dialog.close"));
        close.setOnAction(e -> column.getChildren().remove(toast));
        toast.getChildren().add(close);
        toast.getStyleClass().addAll("toast", error ? "toast-error" : "toast-info");
        toast.setAlignment(Pos.TOP_LEFT);
        toast.setMaxHeight(Region.USE_PREF_SIZE);
        column.getChildren().add(toast);
        while (column.getChildren().size() > MAX_SHOWN) {
            column.getChildren().remove(0);
        }
        PauseTransition hide = new PauseTransition(hideAfter);
        hide.setOnFinished(e -> column.getChildren().remove(toast));
        hide.play();
        return toast;
    }
}
