package dev.pullfix.app.shell;

import java.io.PrintStream;
import java.time.Instant;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Start-up hooks for packaging (off unless a system property asks for them, so a normal start pays nothing).
 * <ul>
 *   <li>{@code -Dpullfix.startup.log=true}: prints one line on stderr at the first pulse of the main scene,
 *       {@code pullfix: first frame at <epoch ms> (<ms> ms after process start)}; the start-up benchmark reads it.</li>
 *   <li>{@code -Dpullfix.startup.exitAfterMs=N}: exits N ms after that first pulse; the build uses it for the
 *       class-data-sharing training run (start, show the window, load what the first frames need, quit).</li>
 * </ul>
 * Both are read by {@link #watch(Scene)}, called once by {@link PullfixApp} after the stage is shown. The line goes
 * to the stream the command line handed to {@link Launcher} (only the command line touches the standard streams).
 */
public final class StartupProbe {
    static final String LOG_PROPERTY = "pullfix.startup.log";
    static final String EXIT_PROPERTY = "pullfix.startup.exitAfterMs";
    private static volatile PrintStream diagnostics;

    private StartupProbe() {}

    /** Where the first-frame line goes (the launcher sets it before JavaFX starts); none by default. */
    static void diagnostics(PrintStream out) {
        diagnostics = out;
    }

    public static void watch(Scene scene) {
        boolean log = Boolean.getBoolean(LOG_PROPERTY);
        long exitAfterMs = Long.getLong(EXIT_PROPERTY, -1L);
        if (!log && exitAfterMs < 0) {
            return;
        }
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            PrintStream out = diagnostics;
            if (log && out != null) {
                out.println(firstFrameLine(Instant.now(), ProcessHandle.current().info().startInstant()
                        .orElse(null)));
            }
            if (exitAfterMs >= 0) {
                PauseTransition pause = new PauseTransition(Duration.millis(exitAfterMs));
                pause.setOnFinished(e -> Platform.exit());
                pause.play();
            }
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    static String firstFrameLine(Instant now, Instant processStart) {
        String since = processStart == null ? "?"
                : Long.toString(java.time.Duration.between(processStart, now).toMillis());
        return "pullfix: first frame at " + now.toEpochMilli() + " (" + since + " ms after process start)";
    }
}
