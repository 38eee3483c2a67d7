package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartupProbeTest {

    @Test
    void firstFrameLineCarriesEpochMillisAndTimeSinceProcessStart() {
        Instant start = Instant.ofEpochMilli(1_700_000_000_000L);
        String line = StartupProbe.firstFrameLine(start.plusMillis(1234), start);
        assertThat(line).isEqualTo("pullfix: first frame at 1700000001234 (1234 ms after process start)");
    }

    @Test
    void firstFrameLineSaysUnknownWhenTheProcessStartIsNotKnown() {
        String line = StartupProbe.firstFrameLine(Instant.ofEpochMilli(42), null);
        assertThat(line).isEqualTo("pullfix: first frame at 42 (? ms after process start)");
    }

    @Test
    void treeLiveLineCarriesTheTimeSinceProcessStartAndThePods() {
        Instant start = Instant.ofEpochMilli(1_700_000_000_000L);
        assertThat(StartupProbe.treeLiveLine(start.plusMillis(4321), start, 5000))
                .isEqualTo("pullfix: tree live at 1700000004321 (4321 ms after process start, 5000 pods)");
    }

    @Test
    void phaseLineNamesThePhaseAndTheTimeSinceProcessStart() {
        Instant start = Instant.ofEpochMilli(1_700_000_000_000L);
        assertThat(StartupProbe.phaseLine("workbench built", start.plusMillis(812), start))
                .isEqualTo("pullfix: workbench built at 1700000000812 (812 ms after process start)");
    }
}
