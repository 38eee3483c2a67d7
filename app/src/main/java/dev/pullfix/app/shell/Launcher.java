package dev.pullfix.app.shell;

import java.io.PrintStream;
import javafx.application.Application;

/** Starts JavaFX from the class path (a class that does not extend Application, see STACK.md). */
public final class Launcher {
    private Launcher() {}

    /**
     * @param diagnostics where start-up diagnostics go ({@code -Dpullfix.startup.log=true}); the command line passes
     *                    its standard error
     */
    public static void launch(String[] args, PrintStream diagnostics) {
        StartupProbe.diagnostics(diagnostics);
        PullfixApp.readSettingsAhead(); // beside JavaFX's own start
        Application.launch(PullfixApp.class, args);
    }
}
