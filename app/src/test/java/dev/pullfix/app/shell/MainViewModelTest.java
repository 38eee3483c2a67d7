package dev.pullfix.app.shell;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.healthy;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.wizard.StepResult;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;
    FakeBackend backend;
    FakeDialogs dialogs;
    SettingsStore store;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        dialogs = new FakeDialogs();
        store = new SettingsStore(dir);
        backend.contexts.add(FakeBackend.context("staging", false, null));
        backend.contexts.add(FakeBackend.context("prod", true, new EksContextMapping("prod-cluster", "us-west-2",
                "prod-admin", null, "111122223333", EksContextMapping.Source.EXEC_ARGS)));
        backend.snapshots.put("prod", snapshot(List.of(healthy("payments", "api", "api-1"),
                failing("payments", "api", "api-2"))));
        backend.snapshots.put("staging", snapshot(List.of(healthy("checkout", "web", "web-1"))));
    }

    MainViewModel vm() {
        return new MainViewModel(TaskRunner.synchronous(), UiBridge.immediate(), dialogs, backend,
                new I18n(Locale.ENGLISH), store, LabLauncher.unavailable());
    }

    @Test
    void startsOnTheCurrentContextAndShowsItsPodsLive() {
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.contexts()).containsExactly("staging", "prod");
        assertThat(vm.selectedContextProperty().get()).isEqualTo("prod");
        assertThat(vm.connectionProperty().get()).isEqualTo(MainViewModel.Connection.LIVE);
        assertThat(vm.podTree().podCountProperty().get()).isEqualTo(2);
        assertThat(vm.podTree().failingCountProperty().get()).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.activity()).anyMatch(l -> l.contains("Listed 2 pods (1 failing)"));
    }

    @Test
    void anEksContextPrefillsProfileAndRegionAndAsksStsWhoTheUserIs() {
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.selectedProfileProperty().get()).isEqualTo("prod-admin");
        assertThat(vm.regionProperty().get()).isEqualTo("us-west-2");
        assertThat(backend.whoAsked).contains("prod-admin@us-west-2");
        assertThat(vm.whoAmIProperty().get()).isEqualTo("arn:aws:sts::111122223333:assumed-role/prod-admin/dev");
    }

    @Test
    void anExpiredProfileShowsAReadableIdentityProblem() {
        MainViewModel vm = vm();
        vm.start();
        vm.selectedProfileProperty().set("expired");
        assertThat(vm.whoAmIFailedProperty().get()).isTrue();
        assertThat(vm.whoAmIProperty().get()).doesNotContain("Exception").isNotBlank();
    }

    @Test
    void withoutAKubeconfigTheWindowOffersThePracticeLab() {
        backend.contextsFailure = FakeBackend.noKubeconfig();
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.connectionProperty().get()).isEqualTo(MainViewModel.Connection.NO_KUBECONFIG);
        assertThat(dialogs.errors).isEmpty();
        vm.openLab();
        assertThat(dialogs.infos).singleElement().asString().contains("not part of this build");
    }

    @Test
    void aFailedConnectionIsAReadableNotificationWithDetailsOnDemand() {
        backend.openFailures.put("prod", ClusterError.of(ClusterError.Code.UNAUTHORIZED, "prod", "prod-user"));
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.connectionProperty().get()).isEqualTo(MainViewModel.Connection.ERROR);
        assertThat(dialogs.errors).singleElement().asString().startsWith("Could not connect to prod: ")
                .doesNotContain("at dev.pullfix").doesNotContain("Exception");
        assertThat(dialogs.details.get(0)).contains("UNAUTHORIZED");
    }

    @Test
    void whenTheFirstListFailsTheUserIsToldOnceAndTheWindowIsNotLeftBusy() {
        backend.listFailures.put("prod", ClusterError.of(ClusterError.Code.UNREACHABLE, "https://prod.example:6443",
                "connection refused"));
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.connectionProperty().get()).isEqualTo(MainViewModel.Connection.RECONNECTING);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Could not connect to prod: ")
                .contains("https://prod.example:6443");
        assertThat(vm.connectionDetailProperty().get()).contains("https://prod.example:6443");
    }

    @Test
    void switchingContextClosesTheOldSessionAndShowsTheNewTree() {
        MainViewModel vm = vm();
        vm.start();
        vm.selectedContextProperty().set("staging");
        assertThat(backend.closed).containsExactly("prod");
        assertThat(vm.podTree().podCountProperty().get()).isEqualTo(1);
        assertThat(vm.podTree().roots()).extracting(r -> r.name()).containsExactly("checkout");
    }

    @Test
    void theLastContextProfileAndRegionAreRememberedForTheNextStart() {
        MainViewModel vm = vm();
        vm.start();
        vm.selectedContextProperty().set("staging");
        vm.regionProperty().set("eu-central-1");
        assertThat(store.load().lastContext()).isEqualTo("staging");
        assertThat(store.load().lastRegion()).isEqualTo("eu-central-1");
        MainViewModel again = vm();
        again.start();
        assertThat(again.selectedContextProperty().get()).isEqualTo("staging");
    }

    @Test
    void selectingAFailingPodLoadsItsEventsAndYamlAndTheWizardReachesTheCause() {
        String image = dev.pullfix.app.common.TestPods.ECR + "/payments/api:2.0.1";
        backend.events = FakeBackend.ecr403Events(image);
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        assertThat(vm.events()).hasSize(5);
        assertThat(vm.podYamlProperty().get()).contains("name: api-2");
        var wizard = vm.wizard();
        assertThat(wizard.steps()).hasSize(4);
        assertThat(wizard.steps().get(0).resultProperty().get().verdict()).isEqualTo(StepResult.Verdict.PROBLEM);
        wizard.next();
        assertThat(wizard.steps().get(1).resultProperty().get().evidence()).isInstanceOf(StepResult.Events.class);
        wizard.next();
        StepResult cause = wizard.steps().get(2).resultProperty().get();
        assertThat(cause.verdict()).isEqualTo(StepResult.Verdict.PROBLEM);
        assertThat(cause.summary()).contains("403");
        wizard.next();
        assertThat(wizard.conclusionProperty().get()).isNotNull();
        assertThat(wizard.canNextProperty().get()).isFalse();
    }

    @Test
    void liveChangesToTheSelectedPodKeepTheWizardWhereItIs() {
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        vm.wizard().next();
        var before = vm.podTree().pod("payments/api-2").info();
        backend.lastListener.onDeltas(dev.pullfix.app.common.TestPods.modified(before,
                failing("payments", "api", "api-2").withFailure(before.failure(), "Back-off pulling image again")));
        assertThat(vm.wizard().currentProperty().get()).isEqualTo(1);
        assertThat(vm.podTree().selectedPodProperty().get().failureMessage()).isEqualTo("Back-off pulling image again");
    }
}
