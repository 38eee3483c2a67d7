package dev.pullfix.app.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

public class PullfixApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Pullfix");
        stage.setScene(new Scene(new BorderPane(new Label("Pullfix")), 1200, 800));
        stage.show();
        StartupProbe.watch(stage.getScene());
    }
}
