package dev.pullfix.app.shell;

import javafx.application.Application;

/** Starts JavaFX from the class path (a class that does not extend Application, see STACK.md). */
public final class Launcher {
    private Launcher() {}

    public static void launch(String[] args) {
        Application.launch(PullfixApp.class, args);
    }
}
