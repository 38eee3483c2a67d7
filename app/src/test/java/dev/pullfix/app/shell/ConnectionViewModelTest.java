package dev.pullfix.app.shell;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.healthy;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.QueuedTasks;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.TestPods;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionViewModelTest {
    @TempDir
    Path dir;
    final FakeBackend backend = new FakeBackend();
    final FakeDialogs dialogs = new FakeDialogs();
    final I18n i18n = new I18n(Locale.ENGLISH);
    final PodTreeViewModel tree = new PodTreeViewModel();
    ActivityViewModel activity;

    @BeforeEach
    void setUp() {
        activity = new ActivityViewModel(i18n, dialogs, Clock.systemUTC());
        backend.contexts.add(FakeBackend.context("staging", false, null));
        backend.contexts.add(FakeBackend.context("prod", true, null));
        backend.snapshots.put("prod", snapshot(List.of(healthy("payments", "api", "api-1"),
                failing("payments", "api", "api-2"))));
        backend.snapshots.put("staging", snapshot(List.of(healthy("checkout", "web", "web-1"))));
    }

    ConnectionViewModel vm(TaskRunner runner) {
        TaskRunner tasks = runner.reportingFailuresTo(activity::taskFailed);
        SettingsStore store = new SettingsStore(dir);
        return new ConnectionViewModel(tasks, UiBridge.immediate(), backend, i18n,
                new SettingsViewModel(tasks, store, store.load()), activity, tree);
    }

    @Test
    void startsOnTheCurrentContextAndShowsItsPodsLive() {
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        assertThat(vm.contexts()).containsExactly("staging", "prod");
        assertThat(vm.selectedContextProperty().get()).isEqualTo("prod");
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.LIVE);
        assertThat(vm.detailProperty().get()).isEqualTo("https://prod.example:6443");
        assertThat(tree.podCountProperty().get()).isEqualTo(2);
        assertThat(tree.failingCountProperty().get()).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(activity.lines()).anyMatch(l -> l.contains("Listed 2 pods (1 failing)"));
    }

    @Test
    void theKubeconfigIsReadAndTheContextOpenedInTasks() {
        QueuedTasks tasks = new QueuedTasks();
        ConnectionViewModel vm = vm(tasks);
        vm.start();
        assertThat(backend.opened).isEmpty();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyTextProperty().get()).isEqualTo("Reading the kubeconfig…");
        tasks.run("kubectl config get-contexts");
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.CONNECTING);
        assertThat(tasks.waiting()).contains("connect prod");
        tasks.runAll();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.LIVE);
    }

    @Test
    void aKubeconfigThatCannotBeReadStaysSaidAfterItsNotification() {
        backend.contextsFailure = dev.pullfix.model.cluster.ClusterError.of(
                dev.pullfix.model.cluster.ClusterError.Code.KUBECONFIG_MALFORMED, "/home/me/.kube/config", "7",
                "while parsing a flow mapping");
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.ERROR);
        assertThat(vm.detailProperty().get()).contains("/home/me/.kube/config");
        assertThat(dialogs.errors).hasSize(1);
    }

    @Test
    void withoutAKubeconfigTheStateSaysSoAndNoErrorIsRaised() {
        backend.contextsFailure = FakeBackend.noKubeconfig();
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.NO_KUBECONFIG);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aFailedConnectionIsAReadableNotificationAndALineInTheActivityLog() {
        backend.openFailures.put("prod", ClusterError.of(ClusterError.Code.UNAUTHORIZED, "prod", "prod-user"));
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.ERROR);
        assertThat(dialogs.errors).singleElement().asString().startsWith("Could not connect to prod: ")
                .doesNotContain("at dev.pullfix").doesNotContain("Exception");
        assertThat(dialogs.details.get(0)).contains("UNAUTHORIZED");
        assertThat(activity.lines()).anyMatch(l -> l.contains("Task \"connect prod\" failed: "));
    }

    @Test
    void whenTheFirstListFailsTheUserIsToldOnceAndTheWindowIsNotLeftBusy() {
        backend.listFailures.put("prod", ClusterError.of(ClusterError.Code.UNREACHABLE, "https://prod.example:6443",
                "connection refused"));
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.RECONNECTING);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Could not connect to prod: ")
                .contains("https://prod.example:6443");
        assertThat(vm.detailProperty().get()).contains("https://prod.example:6443");
    }

    @Test
    void switchingContextClosesTheOldSessionInATaskAndShowsTheNewTree() {
        QueuedTasks tasks = new QueuedTasks();
        ConnectionViewModel vm = vm(tasks);
        vm.start();
        tasks.runAll();
        vm.selectedContextProperty().set("staging");
        assertThat(backend.closed).as("not on the UI thread").isEmpty();
        assertThat(tasks.waiting()).contains("close prod");
        tasks.runAll();
        assertThat(backend.closed).containsExactly("prod");
        assertThat(tree.podCountProperty().get()).isEqualTo(1);
        assertThat(tree.roots()).extracting(r -> r.name()).containsExactly("checkout");
    }

    @Test
    void aSessionThatOpensAfterTheUserMovedOnIsClosedAndNeverShown() {
        QueuedTasks tasks = new QueuedTasks();
        ConnectionViewModel vm = vm(tasks);
        vm.start();
        tasks.run("kubectl config get-contexts");
        vm.selectedContextProperty().set("staging");
        tasks.run("connect prod"); // cancelled: its answer is dropped
        tasks.run("connect staging");
        tasks.runAll();
        assertThat(vm.session().context().name()).isEqualTo("staging");
        assertThat(backend.closed).as("the late prod session").containsExactly("prod");
        assertThat(tree.roots()).extracting(r -> r.name()).containsExactly("checkout");
    }

    @Test
    void cancellingWhileConnectingLeavesTheWindowNotConnectedAndIdle() {
        QueuedTasks tasks = new QueuedTasks();
        ConnectionViewModel vm = vm(tasks);
        vm.start();
        tasks.run("kubectl config get-contexts");
        vm.cancel();
        tasks.runAll();
        assertThat(vm.stateProperty().get()).isEqualTo(ConnectionViewModel.State.NOT_CONNECTED);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.session()).isNull();
        assertThat(activity.lines()).anyMatch(l -> l.endsWith("Cancelled"));
    }

    @Test
    void changesThatArriveWhileTheTreeIsBuiltAreAppliedRightAfterIt() {
        QueuedTasks tasks = new QueuedTasks();
        ConnectionViewModel vm = vm(tasks);
        vm.start();
        tasks.run("kubectl config get-contexts");
        tasks.run("connect prod");
        tasks.run("watch pods in prod");
        assertThat(tasks.waiting()).contains("build the pod tree");
        backend.lastListener.onDeltas(TestPods.added(failing("payments", "api", "api-3")));
        assertThat(tree.podCountProperty().get()).isZero();
        tasks.run("build the pod tree");
        assertThat(tree.podCountProperty().get()).isEqualTo(3);
        assertThat(tree.failingCountProperty().get()).isEqualTo(2);
    }

    @Test
    void theChosenContextIsRememberedForTheNextStart() {
        ConnectionViewModel vm = vm(TaskRunner.synchronous());
        vm.start();
        vm.selectedContextProperty().set("staging");
        assertThat(new SettingsStore(dir).load().lastContext()).isEqualTo("staging");
        ConnectionViewModel again = vm(TaskRunner.synchronous());
        again.start();
        assertThat(again.selectedContextProperty().get()).isEqualTo("staging");
    }
}
