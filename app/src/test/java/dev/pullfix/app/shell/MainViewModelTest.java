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
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's parts joined: context → AWS profile, pod → details and diagnosis. */
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
        return WorkbenchAssembly.assemble(TaskRunner.synchronous(), UiBridge.immediate(), dialogs,
                new I18n(Locale.ENGLISH), backend, store, store.load(), LabLauncher.unavailable(), Duration.ofSeconds(3));
    }

    @Test
    void anEksContextPrefillsProfileAndRegionAndAsksStsWhoTheUserIs() {
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.aws().selectedProfileProperty().get()).isEqualTo("prod-admin");
        assertThat(vm.aws().regionProperty().get()).isEqualTo("us-west-2");
        assertThat(backend.whoAsked).contains("prod-admin@us-west-2");
        assertThat(vm.aws().whoAmIProperty().get()).isEqualTo("arn:aws:sts::111122223333:assumed-role/prod-admin/dev");
    }

    @Test
    void openingAClusterWithFailingPodsChoosesTheFirstAndDiagnosesIt() {
        backend.snapshots.put("prod", snapshot(List.of(healthy("payments", "api", "api-1"),
                failing("shop", "web", "web-3"), failing("payments", "api", "api-2"))));
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.podTree().selectedPodProperty().get().key()).isEqualTo("payments/api-2");
        assertThat(vm.wizard().podProperty().get().key()).isEqualTo("payments/api-2");
        assertThat(vm.failing().rows()).hasSize(2);
    }

    @Test
    void aClusterWithoutFailingPodsChoosesNothing() {
        MainViewModel vm = vm();
        vm.start();
        vm.connection().selectedContextProperty().set("staging");
        assertThat(vm.podTree().selectedPodProperty().get()).isNull();
        assertThat(vm.wizard().podProperty().get()).isNull();
    }

    @Test
    void withoutAKubeconfigTheWindowOffersThePracticeLab() {
        backend.contextsFailure = FakeBackend.noKubeconfig();
        MainViewModel vm = vm();
        vm.start();
        assertThat(vm.connection().stateProperty().get()).isEqualTo(ConnectionViewModel.State.NO_KUBECONFIG);
        assertThat(dialogs.errors).isEmpty();
        vm.openLab();
        assertThat(dialogs.infos).singleElement().asString().contains("not part of this build");
    }

    @Test
    void selectingAFailingPodLoadsItsEventsAndYamlAndTheWizardSaysWhyItCannotDiagnoseWithoutAConnection() {
        String image = dev.pullfix.app.common.TestPods.ECR + "/payments/api:2.0.1";
        backend.events = FakeBackend.ecr403Events(image);
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        assertThat(vm.details().events()).hasSize(5);
        assertThat(vm.details().yamlProperty().get()).contains("name: api-2");
        assertThat(vm.wizard().podProperty().get().key()).isEqualTo("payments/api-2");
        assertThat(vm.wizard().unavailableProperty().get()).isEqualTo("Connect to the cluster to diagnose this pod.");
    }

    @Test
    void switchingContextClearsTheDetailsAndTheWizard() {
        backend.events = FakeBackend.ecr403Events(dev.pullfix.app.common.TestPods.ECR + "/payments/api:2.0.1");
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        vm.connection().selectedContextProperty().set("staging");
        assertThat(vm.details().events()).isEmpty();
        assertThat(vm.details().yamlProperty().get()).isEmpty();
        assertThat(vm.wizard().podProperty().get()).isNull();
        assertThat(vm.wizard().steps()).isEmpty();
    }

    @Test
    void liveChangesToTheSelectedPodKeepTheWizardWhereItIs() {
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        var before = vm.podTree().pod("payments/api-2").info();
        backend.lastListener.onDeltas(dev.pullfix.app.common.TestPods.modified(before,
                failing("payments", "api", "api-2").withFailure(before.failure(), "Back-off pulling image again")));
        assertThat(vm.wizard().podProperty().get().key()).isEqualTo("payments/api-2");
        assertThat(vm.podTree().selectedPodProperty().get().failureMessage()).isEqualTo("Back-off pulling image again");
    }

    @Test
    void shuttingDownClosesTheSessionAndCancelsTheDiagnosis() {
        MainViewModel vm = vm();
        vm.start();
        vm.podTree().selectedRowProperty().set(vm.podTree().pod("payments/api-2"));
        vm.shutdown();
        assertThat(backend.closed).containsExactly("prod");
        assertThat(vm.wizard().runningProperty().get()).isFalse();
        assertThat(vm.connection().session()).isNull();
    }
}
