package dev.pullfix.model.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {
    final Path home = Path.of("/home/u");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(DataDirs.userData(Map.of(), "Linux", home)).isEqualTo(Path.of("/home/u/.local/share/pullfix"));
        assertThat(DataDirs.userData(Map.of("XDG_DATA_HOME", "/x"), "Linux", home)).isEqualTo(Path.of("/x/pullfix"));
    }

    @Test
    void macAndWindowsFollowTheirConventions() {
        assertThat(DataDirs.userData(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/u/Library/Application Support/Pullfix"));
        assertThat(DataDirs.userData(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming/Pullfix"));
    }

    @Test
    void anExplicitOverrideWins() {
        assertThat(DataDirs.userData(Map.of("PULLFIX_DATA_DIR", "/tmp/pf"), "Linux", home)).isEqualTo(Path.of("/tmp/pf"));
    }
}
