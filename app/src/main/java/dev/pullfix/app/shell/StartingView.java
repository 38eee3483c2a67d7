package dev.pullfix.app.shell;

import dev.pullfix.app.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The window's first scene, shown before the workbench is built: the top bar and status bar of the main window
 * (same style classes) around a "starting" line, a handful of nodes that lay out and paint at once. The workbench
 * (tree, wizard, tables, editors) is built right after this first frame and replaces it; that build is most of a
 * start's work, and the user sees the window meanwhile.
 */
final class StartingView {
    private StartingView() {
    }

    static Parent root(I18n i18n) {
        Label title = new Label(i18n.t("app.title"));
        title.getStyleClass().add("title");
        HBox top = new HBox(title);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        top.getStyleClass().add("top-bar");
        Label starting = new Label(i18n.t("start.loading"));
        starting.setId("starting");
        starting.getStyleClass().add("empty-state");
        HBox status = new HBox(new Label(i18n.t("start.loading")));
        status.setPadding(new Insets(2, 8, 2, 8));
        status.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(starting, top, null, status, null);
        root.setId("startingView");
        return root;
    }
}
