package dev.pullfix.model.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstStartGivesDefaults() {
        assertThat(new SettingsStore(dir).load()).isEqualTo(UserSettings.defaults());
    }

    @Test
    void savedSettingsComeBack() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        UserSettings s = UserSettings.defaults().withLastContext("eks-workshop").withAws("dev", "us-west-2")
                .withLanguage("ja").withTheme("dark").withReadOnly(true).withWindow(10, 20, 1300, 850, 0.3, 0.7);
        store.save(s);
        assertThat(new SettingsStore(dir).load()).isEqualTo(s);
    }

    @Test
    void aBrokenFileFallsBackToDefaultsAndIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ not json");
        assertThat(new SettingsStore(dir).load()).isEqualTo(UserSettings.defaults());
        assertThat(Files.readString(dir.resolve("settings.json"))).isEqualTo("{ not json");
    }

    @Test
    void missingFieldsTakeDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"lastContext\":\"kind-kind\",\"future\":1}");
        UserSettings s = new SettingsStore(dir).load();
        assertThat(s.lastContext()).isEqualTo("kind-kind");
        assertThat(s.language()).isEqualTo("auto");
        assertThat(s.theme()).isEqualTo("light");
    }
}
