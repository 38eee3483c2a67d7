package dev.pullfix.app.podtree;

import static dev.pullfix.app.common.TestPods.added;
import static dev.pullfix.app.common.TestPods.deleted;
import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.healthy;
import static dev.pullfix.app.common.TestPods.modified;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.podtree.TreeRow.NamespaceRow;
import dev.pullfix.app.podtree.TreeRow.PodRow;
import dev.pullfix.app.podtree.TreeRow.WorkloadRow;
import dev.pullfix.model.cluster.PodInfo;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodTreeViewModelTest {
    PodTreeViewModel vm;

    @BeforeEach
    void load() {
        vm = new PodTreeViewModel();
        vm.load(snapshot(List.of(
                healthy("payments", "api", "api-7d9f-aaaaa"), failing("payments", "api", "api-7d9f-bbbbb"),
                healthy("payments", "worker", "worker-5c4-ccccc"),
                healthy("checkout", "web", "web-6b8-ddddd"), failing("checkout", "web", "web-6b8-eeeee"),
                failing("checkout", "web", "web-6b8-fffff"))));
    }

    static List<String> names(List<TreeRow> rows) {
        return rows.stream().map(TreeRow::name).toList();
    }

    @Test
    void loadsNamespacesWorkloadsPodsAndContainersWithFailingCounts() {
        assertThat(names(vm.roots())).containsExactly("checkout", "payments");
        NamespaceRow payments = (NamespaceRow) vm.roots().get(1);
        assertThat(payments.pods()).isEqualTo(3);
        assertThat(payments.failingPods()).isEqualTo(1);
        assertThat(names(payments.visibleChildren())).containsExactly("api", "worker");
        WorkloadRow api = (WorkloadRow) payments.visibleChildren().get(0);
        assertThat(api.failingPods()).isEqualTo(1);
        assertThat(api.failing()).isTrue();
        assertThat(names(api.visibleChildren())).containsExactly("api-7d9f-aaaaa", "api-7d9f-bbbbb");
        assertThat(names(api.visibleChildren().get(1).visibleChildren())).containsExactly("app");
        assertThat(vm.podCountProperty().get()).isEqualTo(6);
        assertThat(vm.failingCountProperty().get()).isEqualTo(3);
    }

    @Test
    void failingOnlyHidesHealthyPodsAndWorkloadsWithoutFailures() {
        vm.failingOnlyProperty().set(true);
        NamespaceRow payments = (NamespaceRow) vm.roots().get(1);
        assertThat(names(payments.visibleChildren())).containsExactly("api");
        assertThat(names(payments.visibleChildren().get(0).visibleChildren())).containsExactly("api-7d9f-bbbbb");
        vm.failingOnlyProperty().set(false);
        assertThat(names(payments.visibleChildren())).containsExactly("api", "worker");
    }

    @Test
    void searchMatchesPodNameImageAndReason() {
        vm.searchTextProperty().set("WORKER-5c4");
        assertThat(names(vm.roots())).containsExactly("payments");
        vm.searchTextProperty().set("web:2.0.1");
        assertThat(names(vm.roots())).containsExactly("checkout");
        assertThat(names(vm.roots().get(0).visibleChildren().get(0).visibleChildren()))
                .containsExactly("web-6b8-eeeee", "web-6b8-fffff");
        vm.searchTextProperty().set("imagepullbackoff");
        assertThat(vm.roots()).hasSize(2);
        vm.searchTextProperty().set("no-such-thing");
        assertThat(vm.roots()).isEmpty();
    }

    @Test
    void namespaceFilterKeepsOnlyMatchingNamespaces() {
        vm.namespaceFilterProperty().set("pay");
        assertThat(names(vm.roots())).containsExactly("payments");
    }

    @Test
    void aLiveUpdateKeepsTheSelectedRowAndRefreshesTheSelectedPod() {
        PodRow row = vm.pod("payments/api-7d9f-bbbbb");
        vm.selectedRowProperty().set(row);
        PodInfo before = row.info();
        PodInfo fixed = healthy("payments", "api", "api-7d9f-bbbbb");
        int revision = row.revisionProperty().get();
        vm.apply(modified(before, fixed));
        assertThat(vm.pod("payments/api-7d9f-bbbbb")).isSameAs(row);
        assertThat(vm.selectedRowProperty().get()).isSameAs(row);
        assertThat(vm.selectedPodProperty().get().failing()).isFalse();
        assertThat(row.revisionProperty().get()).isGreaterThan(revision);
        assertThat(((NamespaceRow) vm.roots().get(1)).failingPods()).isZero();
        assertThat(vm.failingCountProperty().get()).isEqualTo(2);
    }

    @Test
    void anAddedPodTakesItsSortedPlaceAndANewNamespaceAppears() {
        vm.apply(added(healthy("payments", "api", "api-7d9f-abbbb")));
        WorkloadRow api = (WorkloadRow) vm.roots().get(1).visibleChildren().get(0);
        assertThat(names(api.visibleChildren())).containsExactly("api-7d9f-aaaaa", "api-7d9f-abbbb", "api-7d9f-bbbbb");
        vm.apply(added(failing("audit", "collector", "collector-1")));
        assertThat(names(vm.roots())).containsExactly("audit", "checkout", "payments");
        assertThat(vm.podCountProperty().get()).isEqualTo(8);
    }

    @Test
    void aDeletedPodLeavesTheTreeClearsTheSelectionAndTakesEmptyParentsWithIt() {
        PodInfo worker = vm.pod("payments/worker-5c4-ccccc").info();
        vm.selectedRowProperty().set(vm.pod(worker.key()));
        vm.apply(deleted(worker));
        assertThat(vm.selectedRowProperty().get()).isNull();
        assertThat(vm.selectedPodProperty().get()).isNull();
        assertThat(names(vm.roots().get(1).visibleChildren())).containsExactly("api");
        vm.apply(List.of(deleted(vm.pod("payments/api-7d9f-aaaaa").info()),
                deleted(vm.pod("payments/api-7d9f-bbbbb").info())));
        assertThat(names(vm.roots())).containsExactly("checkout");
        assertThat(vm.namespace("payments")).isNull();
    }

    @Test
    void aPodThatStartsFailingAppearsUnderTheFailingOnlyFilter() {
        vm.failingOnlyProperty().set(true);
        assertThat(names(vm.roots().get(1).visibleChildren())).containsExactly("api");
        PodInfo worker = vm.pod("payments/worker-5c4-ccccc").info();
        vm.apply(modified(worker, failing("payments", "worker", "worker-5c4-ccccc")));
        assertThat(names(vm.roots().get(1).visibleChildren())).containsExactly("api", "worker");
        vm.apply(modified(vm.pod(worker.key()).info(), worker));
        assertThat(names(vm.roots().get(1).visibleChildren())).containsExactly("api");
    }

    @Test
    void nextFailingWalksTheVisibleFailingPodsInOrderAndWraps() {
        PodRow first = vm.nextFailing(null, true);
        assertThat(first.name()).isEqualTo("web-6b8-eeeee");
        PodRow second = vm.nextFailing(first, true);
        assertThat(second.name()).isEqualTo("web-6b8-fffff");
        assertThat(vm.nextFailing(second, true).name()).isEqualTo("api-7d9f-bbbbb");
        assertThat(vm.nextFailing(vm.nextFailing(second, true), true)).isSameAs(first);
        assertThat(vm.nextFailing(first, false).name()).isEqualTo("api-7d9f-bbbbb");
    }

    @Test
    void clearEmptiesTheTree() {
        vm.clear();
        assertThat(vm.roots()).isEmpty();
        assertThat(vm.podCountProperty().get()).isZero();
        assertThat(vm.loadedProperty().get()).isFalse();
    }
}
