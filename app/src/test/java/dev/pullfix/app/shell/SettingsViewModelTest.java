package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.QueuedTasks;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aChangeIsWrittenInATaskNotOnTheCallersThread() {
        QueuedTasks tasks = new QueuedTasks();
        SettingsViewModel vm = new SettingsViewModel(tasks, new SettingsStore(dir), UserSettings.defaults());
        vm.update(s -> s.withLastContext("prod"));
        assertThat(vm.current().lastContext()).isEqualTo("prod");
        assertThat(dir.resolve("settings.json")).doesNotExist();
        assertThat(tasks.waiting()).containsExactly("write settings");
        tasks.runAll();
        assertThat(new SettingsStore(dir).load().lastContext()).isEqualTo("prod");
    }

    @Test
    void savesRunOneAtATimeAndTheFileEndsWithTheLatestSettings() {
        QueuedTasks tasks = new QueuedTasks();
        SettingsViewModel vm = new SettingsViewModel(tasks, new SettingsStore(dir), UserSettings.defaults());
        vm.update(s -> s.withLastContext("a"));
        vm.update(s -> s.withLastContext("b"));
        vm.update(s -> s.withAws("prod-admin", "eu-west-1"));
        assertThat(tasks.waiting()).as("one save at a time").containsExactly("write settings");
        tasks.run("write settings");
        assertThat(new SettingsStore(dir).load().lastContext()).isEqualTo("a");
        assertThat(tasks.waiting()).as("the changes made meanwhile, in one more save").containsExactly("write settings");
        tasks.run("write settings");
        UserSettings onDisk = new SettingsStore(dir).load();
        assertThat(onDisk.lastContext()).isEqualTo("b");
        assertThat(onDisk.lastRegion()).isEqualTo("eu-west-1");
        assertThat(tasks.waiting()).isEmpty();
        assertThat(vm.saving()).isFalse();
    }

    @Test
    void aFailedSaveDoesNotStopLaterSaves() throws Exception {
        Path file = dir.resolve("blocked");
        Files.writeString(file, "not a folder");
        QueuedTasks tasks = new QueuedTasks();
        List<String> failures = new ArrayList<>();
        SettingsViewModel vm = new SettingsViewModel(tasks.reportingFailuresTo((d, e) -> failures.add(d)),
                new SettingsStore(file), UserSettings.defaults());
        vm.update(s -> s.withTheme("dark"));
        tasks.runAll();
        assertThat(failures).containsExactly("write settings");
        assertThat(vm.saving()).isFalse();
        vm.update(s -> s.withTheme("light"));
        assertThat(tasks.waiting()).containsExactly("write settings");
    }

    @Test
    void theThemeAndLanguageChoicesAreSaved() {
        QueuedTasks tasks = new QueuedTasks();
        SettingsViewModel vm = new SettingsViewModel(tasks, new SettingsStore(dir), UserSettings.defaults());
        vm.darkProperty().set(true);
        vm.setLanguage("ja");
        tasks.runAll();
        UserSettings onDisk = new SettingsStore(dir).load();
        assertThat(onDisk.theme()).isEqualTo("dark");
        assertThat(onDisk.language()).isEqualTo("ja");
        assertThat(vm.languageProperty().get()).isEqualTo("ja");
    }

    @Test
    void settingsAreReadInATask() throws Exception {
        new SettingsStore(dir).save(UserSettings.defaults().withLastContext("staging").withTheme("dark"));
        QueuedTasks tasks = new QueuedTasks();
        List<UserSettings> got = new ArrayList<>();
        SettingsViewModel.load(tasks, new SettingsStore(dir), got::add);
        assertThat(got).isEmpty();
        tasks.runAll();
        assertThat(got).singleElement().satisfies(s -> {
            assertThat(s.lastContext()).isEqualTo("staging");
            assertThat(new SettingsViewModel(tasks, new SettingsStore(dir), s).darkProperty().get()).isTrue();
        });
    }
}
