package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * "Open practice lab" leaves no {@code pullfix-lab-*} folder (kubeconfig with the lab's token, AWS credentials) in the
 * temp directory: not when switching scenarios, not after a reset, not when the app stops. Before: every start left
 * one behind.
 */
class PracticeLabFolderTest {

    @Test
    void switchingResettingAndClosingTheLabLeaveNoLabFolderBehind() {
        List<String> notices = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        PracticeLab lab = new PracticeLab(TaskRunner.synchronous(), () -> new I18n(Locale.ENGLISH), () -> null,
                backend -> { }, notices::add);
        lab.start("S1");
        Path first = lab.session().orElseThrow().dir();
        folders.add(first);
        assertThat(first).exists();
        assertThat(first.resolve("aws-credentials")).exists();

        lab.start("S2");
        Path second = lab.session().orElseThrow().dir();
        folders.add(second);
        assertThat(first).as("the folder of the scenario left behind").doesNotExist();
        assertThat(second).exists();

        lab.close();
        assertThat(lab.session()).isEmpty();
        assertThat(folders).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(folders).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("pullfix-lab-"));
        assertThat(notices).hasSize(2);
    }
}
