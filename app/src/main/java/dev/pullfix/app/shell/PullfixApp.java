package dev.pullfix.app.shell;

import dev.pullfix.app.common.FxTaskRunner;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: shows the window first, contacts nothing on start-up. */
public class PullfixApp extends Application {
    private TaskRunner tasks;

    @Override
    public void start(Stage stage) {
        I18n i18n = I18n.forDefaultLocale();
        tasks = new FxTaskRunner(4);
        MainViewModel vm = new MainViewModel(tasks);
        MainView view = new MainView(vm, i18n);
        Scene scene = new Scene(view.root(), 1280, 820);
        scene.getStylesheets().add(PullfixApp.class.getResource("/dev/pullfix/app/app.css").toExternalForm());
        stage.setTitle(i18n.t("app.title"));
        stage.setScene(scene);
        stage.show();
        StartupProbe.watch(stage.getScene());
        vm.log(i18n.t("log.started"));
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
