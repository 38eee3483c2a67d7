package dev.pullfix.app.shell;

import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.LabLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window at scale: 20,000 pods over 50 namespaces from the lab API server, then 100 pod changes a second for
 * 20 s, into the real window (headless Monocle). Prints the longest FX-thread stall and the heap in use.
 * Target: no stall over 100 ms, heap under 400 MB. Run:
 * {@code mvn -B -Pbench verify -pl app -am -Dtest=WindowBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class WindowBench {
    static final int PODS = Integer.getInteger("bench.pods", 20_000);
    static Path dir;
    static LabFixture lab;
    PullfixApp app;

    @BeforeAll
    static void labs() throws Exception {
        dir = Files.createTempDirectory("pullfix-bench");
        lab = new LabFixture(dir, PODS);
        baselineMb = WindowLoad.heapUsedMb();
    }

    static long baselineMb;

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        app = new PullfixApp(lab::backend, Files.createTempDirectory(dir, "data"), LabLauncher.unavailable());
        app.start(stage);
    }

    @Test
    void twentyThousandPodsAndAHundredChangesASecond(FxRobot robot) throws Exception {
        WindowLoad.Figures f = WindowLoad.run(robot, app, lab, PODS, 100, Integer.getInteger("bench.seconds", 20));
        WindowLoad.print("WindowBench", f);
        System.out.printf("WindowBench: heap of the lab server alone %d MB; the window's share %d MB%n", baselineMb,
                f.heapUsedMb() - baselineMb);
    }
}
