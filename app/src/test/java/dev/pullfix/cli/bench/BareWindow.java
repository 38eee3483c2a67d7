package dev.pullfix.cli.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The peer of {@link FirstWindowBench}: the least a JavaFX application does to show a window (an empty stage of the
 * main window's size), on the same jars and JVM options as Pullfix's window. At its first pulse it prints the line
 * {@code StartupProbe} prints for Pullfix ({@code pullfix: first frame at <epoch ms> (<ms> ms after process start)}),
 * then whether the class-data-sharing archive was mapped, and quits. Its main class is not the {@link Application}
 * (as with Pullfix's launcher): Java's launcher refuses an Application main class whose JavaFX is on the class path.
 */
public final class BareWindow {

    private BareWindow() {}

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            BareWindow.show(stage);
        }
    }

    static void show(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1280, 800);
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            Instant now = Instant.now();
            String since = ProcessHandle.current().info().startInstant()
                    .map(s -> Long.toString(Duration.between(s, now).toMillis())).orElse("?");
            System.err.println("pullfix: first frame at " + now.toEpochMilli() + " (" + since + " ms after process start)");
            System.err.println("bare window: class-data sharing " + sharing());
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(self[0]);
        stage.setScene(scene);
        stage.setTitle("bare");
        stage.show();
    }

    private static String sharing() {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseSharedSpaces").getValue();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }
}
