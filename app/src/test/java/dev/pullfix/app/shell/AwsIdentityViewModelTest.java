package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.QueuedTasks;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.CallerIdentity;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.settings.SettingsStore;
import dev.pullfix.model.settings.UserSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsIdentityViewModelTest {
    @TempDir
    Path dir;
    final FakeDialogs dialogs = new FakeDialogs();
    final I18n i18n = new I18n(Locale.ENGLISH);
    final ActivityViewModel activity = new ActivityViewModel(i18n, dialogs, Clock.systemUTC());

    AwsIdentityViewModel vm(TaskRunner runner, FakeBackend backend, UserSettings settings) {
        TaskRunner tasks = runner.reportingFailuresTo(activity::taskFailed);
        return new AwsIdentityViewModel(tasks, backend, i18n, new SettingsViewModel(tasks, new SettingsStore(dir),
                settings), activity);
    }

    @Test
    void anEksContextFillsInProfileAndRegionAndAsksStsOnce() {
        FakeBackend backend = new FakeBackend();
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        vm.loadProfiles();
        vm.useContext(FakeBackend.context("prod", true, new EksContextMapping("prod-cluster", "us-west-2",
                "prod-admin", null, "111122223333", EksContextMapping.Source.EXEC_ARGS)));
        assertThat(vm.selectedProfileProperty().get()).isEqualTo("prod-admin");
        assertThat(vm.regionProperty().get()).isEqualTo("us-west-2");
        assertThat(backend.whoAsked).containsExactly("prod-admin@us-west-2");
        assertThat(vm.whoAmIProperty().get()).isEqualTo("arn:aws:sts::111122223333:assumed-role/prod-admin/dev");
        assertThat(vm.whoAmIFailedProperty().get()).isFalse();
        assertThat(vm.changesProperty().get()).isEqualTo(1);
    }

    @Test
    void withNoProfilePickedTheProfileInUseIsKnownWhileTheChoiceStaysEmpty() {
        FakeBackend backend = new FakeBackend();
        backend.profileInUse = "pullfix-lab"; // AWS_PROFILE, as the practice lab sets it
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        assertThat(vm.profileInUseProperty().get()).isNull();
        vm.loadProfiles();
        assertThat(vm.profileInUseProperty().get()).isEqualTo("pullfix-lab");
        assertThat(vm.selectedProfileProperty().get()).isNull(); // nothing remembered as the user's choice
        assertThat(backend.whoAsked).isEmpty();
    }

    @Test
    void aContextProfileMissingFromTheFilesIsStillOffered() {
        FakeBackend backend = new FakeBackend();
        QueuedTasks tasks = new QueuedTasks();
        AwsIdentityViewModel vm = vm(tasks, backend, UserSettings.defaults().withAws("default", "eu-west-1"));
        vm.loadProfiles();
        vm.useContext(FakeBackend.context("dev", true, new EksContextMapping("dev-cluster", "ap-northeast-1",
                "dev-sso", null, "111122223333", EksContextMapping.Source.EXEC_ARGS)));
        tasks.runAll(); // the profile list arrives after the context chose: it does not undo the choice
        assertThat(vm.profiles()).containsExactly("default", "prod-admin", "dev-sso");
        assertThat(vm.selectedProfileProperty().get()).isEqualTo("dev-sso");
        assertThat(vm.regionProperty().get()).isEqualTo("ap-northeast-1");
    }

    @Test
    void theRememberedProfileAndRegionComeBackWhenNoContextChoosesThem() {
        FakeBackend backend = new FakeBackend();
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend,
                UserSettings.defaults().withAws("prod-admin", "eu-central-1"));
        vm.loadProfiles();
        vm.useContext(FakeBackend.context("kind", true, null));
        assertThat(vm.selectedProfileProperty().get()).isEqualTo("prod-admin");
        assertThat(vm.regionProperty().get()).isEqualTo("eu-central-1");
        assertThat(backend.whoAsked).containsExactly("prod-admin@eu-central-1");
    }

    @Test
    void nothingIsAskedWhenNoProfileOrRegionIsKnown() {
        FakeBackend backend = new FakeBackend();
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        vm.loadProfiles();
        assertThat(backend.whoAsked).isEmpty();
        assertThat(vm.whoAmIProperty().get()).isNull();
    }

    @Test
    void anExpiredProfileShowsAReadableIdentityProblem() {
        FakeBackend backend = new FakeBackend();
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        vm.selectedProfileProperty().set("expired");
        assertThat(vm.whoAmIFailedProperty().get()).isTrue();
        assertThat(vm.whoAmIProperty().get()).doesNotContain("Exception").doesNotContain("EXPIRED_TOKEN").isNotBlank();
        assertThat(activity.lines()).anyMatch(l -> l.contains("AWS identity could not be checked"));
    }

    @Test
    void anStsCallThatThrowsIsShownAsUnknownAndLogged() {
        FakeBackend backend = new FakeBackend() {
            @Override
            public AwsResult<CallerIdentity> whoAmI(String profile, String region) {
                throw new IllegalStateException("no route to sts.us-west-2.amazonaws.com");
            }
        };
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        vm.regionProperty().set("us-west-2");
        assertThat(vm.whoAmIFailedProperty().get()).isTrue();
        assertThat(vm.whoAmIProperty().get()).isEqualTo("AWS identity could not be checked");
        assertThat(activity.lines()).anyMatch(l -> l.contains("Task \"sts get-caller-identity\" failed: no route"));
    }

    @Test
    void aChoiceIsRemembered() {
        FakeBackend backend = new FakeBackend();
        AwsIdentityViewModel vm = vm(TaskRunner.synchronous(), backend, UserSettings.defaults());
        vm.selectedProfileProperty().set("prod-admin");
        vm.regionProperty().set("eu-central-1");
        UserSettings onDisk = new SettingsStore(dir).load();
        assertThat(onDisk.lastProfile()).isEqualTo("prod-admin");
        assertThat(onDisk.lastRegion()).isEqualTo("eu-central-1");
    }
}
