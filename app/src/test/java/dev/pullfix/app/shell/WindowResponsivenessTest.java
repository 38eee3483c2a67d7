package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.LabFixture;
import dev.pullfix.app.common.LabLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A generous guard (the benchmark has the real figures): 1,000 pods and 100 changes a second never freeze the window.
 * It asserts what our code costs the FX thread (its CPU time while live), not wall-clock gaps between pulses: on a
 * shared 2-core machine at load 20 the gaps measure the machine, not the window, and a wall-clock guard flakes.
 */
@ExtendWith(ApplicationExtension.class)
class WindowResponsivenessTest {
    static Path dir;
    static LabFixture lab;
    PullfixApp app;

    @BeforeAll
    static void labs() throws Exception {
        dir = Files.createTempDirectory("pullfix-stall");
        lab = new LabFixture(dir, 1000);
    }

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
    void aThousandPodsWithAHundredChangesASecondKeepTheFxThreadMostlyIdle(FxRobot robot) throws Exception {
        WindowLoad.Figures f = WindowLoad.run(robot, app, lab, 1000, 100, 3);
        WindowLoad.print("guard", f);
        assertThat(f.changes()).as("changes the driver made").isGreaterThan(50);
        assertThat(f.pulsesLive()).isGreaterThan(10);
        // the window patches only the rows a change touches: live updates cost the FX thread a small share of its time
        // (about 3 % here when idle); a rebuild of the tree on every batch would keep it busy most of the time
        assertThat(f.fxCpuLiveMs()).as("FX-thread CPU ms while live for %d s", f.liveSeconds())
                .isLessThan(f.liveSeconds() * 1000.0 * 0.4);
    }
}
