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
 *   <li>With the log on, one more line when the cluster's pod tree first goes live (its pods are in the tree and
 *       the watch is running), {@code pullfix: tree live at <epoch ms> (<ms> ms after process start, <n> pods)};
 *       {@code -Dpullfix.startup.exitWhenLive=true} exits then (the start-up benchmark with the lab).</li>
 *   <li>With the log on, the phases in between, one line each ({@link #mark}):
 *       {@code pullfix: <phase> at <epoch ms> (<ms> ms after process start)}, e.g. the workbench built, the
 *       practice lab started.</li>
 * </ul>
 * Both are read by {@link #watch(Scene)}, called once by {@link PullfixApp} after the stage is shown. The line goes
 * to the stream the command line handed to {@link Launcher} (only the command line touches the standard streams).
 */
public final class StartupProbe {
    static final String LOG_PROPERTY = "pullfix.startup.log";
    static final String EXIT_PROPERTY = "pullfix.startup.exitAfterMs";
    static final String EXIT_LIVE_PROPERTY = "pullfix.startup.exitWhenLive";
    private static volatile PrintStream diagnostics;
    private static final java.util.concurrent.atomic.AtomicBoolean LIVE_SEEN = new java.util.concurrent.atomic.AtomicBoolean();

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

    /**
     * Watches a connection for the first time a tree of this process is live: the connection LIVE and the listed pods
     * in the tree (see the class comment); nothing unless asked.
     */
    public static void watchLive(javafx.beans.value.ObservableValue<ConnectionViewModel.State> state,
                                 javafx.beans.value.ObservableValue<Boolean> loaded,
                                 java.util.function.IntSupplier pods) {
        boolean log = Boolean.getBoolean(LOG_PROPERTY);
        boolean exit = Boolean.getBoolean(EXIT_LIVE_PROPERTY);
        if (!log && !exit) {
            return;
        }
        javafx.beans.InvalidationListener once = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                ConnectionViewModel.State now = state.getValue(); // both read: an invalid property tells no more
                Boolean listed = loaded.getValue();
                if (now != ConnectionViewModel.State.LIVE || !Boolean.TRUE.equals(listed)) {
                    return;
                }
                state.removeListener(this);
                loaded.removeListener(this);
                if (!LIVE_SEEN.compareAndSet(false, true)) {
                    return; // the first live tree of this process only (a rebuilt window watches again)
                }
                PrintStream out = diagnostics;
                if (log && out != null) {
                    out.println(treeLiveLine(Instant.now(), ProcessHandle.current().info().startInstant().orElse(null),
                            pods.getAsInt()));
                }
                if (exit) {
                    Platform.exit();
                }
            }
        };
        state.addListener(once);
        loaded.addListener(once);
    }

    /** One phase line on the diagnostics stream when the log is on (any thread); nothing otherwise. */
    public static void mark(String phase) {
        PrintStream out = diagnostics;
        if (out != null && Boolean.getBoolean(LOG_PROPERTY)) {
            out.println(phaseLine(phase, Instant.now(), ProcessHandle.current().info().startInstant().orElse(null)));
        }
    }

    static String phaseLine(String phase, Instant now, Instant processStart) {
        return "pullfix: " + phase + " at " + now.toEpochMilli() + " (" + since(now, processStart)
                + " ms after process start)";
    }

    static String firstFrameLine(Instant now, Instant processStart) {
        return "pullfix: first frame at " + now.toEpochMilli() + " (" + since(now, processStart) + " ms after process start)";
    }

    static String treeLiveLine(Instant now, Instant processStart, int pods) {
        return "pullfix: tree live at " + now.toEpochMilli() + " (" + since(now, processStart)
                + " ms after process start, " + pods + " pods)";
    }

    private static String since(Instant now, Instant processStart) {
        return processStart == null ? "?" : Long.toString(java.time.Duration.between(processStart, now).toMillis());
    }
}
