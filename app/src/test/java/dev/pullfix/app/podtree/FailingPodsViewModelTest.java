package dev.pullfix.app.podtree;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.healthy;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.CauseNames;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.TestPods;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.FailureReason;
import dev.pullfix.model.lab.server.LabPopulation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailingPodsViewModelTest {
    final PodTreeViewModel tree = new PodTreeViewModel();
    final CauseNames causes = new CauseNames(new I18n(Locale.ENGLISH));
    FailingPodsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new FailingPodsViewModel(tree, p -> {
            var c = causes.guess(p);
            return c == null ? null : causes.name(c.name());
        });
    }

    static PodInfo errImagePull403(String ns, String workload, String name) {
        PodInfo p = failing(ns, workload, name);
        String image = p.containers().get(0).image();
        return p.withFailure(FailureReason.ERR_IMAGE_PULL, "failed to pull and unpack image \"" + image + "\": "
                + LabPopulation.pullFailure(image, LabPopulation.Cause.ECR_FORBIDDEN_403));
    }

    @Test
    void listsOnlyTheFailingPodsOfTheTreeInNamespaceAndNameOrder() {
        tree.load(snapshot(List.of(healthy("shop", "web", "web-1"), failing("shop", "web", "web-2"),
                failing("payments", "api", "api-9"))));
        assertThat(vm.rows()).extracting(FailingPodsViewModel.Row::key).containsExactly("payments/api-9", "shop/web-2");
        assertThat(vm.countProperty().get()).isEqualTo(2);
        assertThat(vm.rows().get(0).reason()).isEqualTo("ImagePullBackOff");
    }

    @Test
    void followsLiveChangesOnePodAtATime() {
        PodInfo web2 = failing("shop", "web", "web-2");
        tree.load(snapshot(List.of(healthy("shop", "web", "web-1"), web2)));
        tree.apply(TestPods.added(failing("shop", "web", "web-3")));
        assertThat(vm.countProperty().get()).isEqualTo(2);
        tree.apply(TestPods.modified(web2, healthy("shop", "web", "web-2")));
        assertThat(vm.rows()).extracting(FailingPodsViewModel.Row::key).containsExactly("shop/web-3");
        tree.apply(TestPods.deleted(failing("shop", "web", "web-3")));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.countProperty().get()).isZero();
    }

    @Test
    void theCauseIsNamedReadablyAndSurvivesTheBackOffThatFollows() {
        PodInfo detailed = errImagePull403("payments", "api", "api-2");
        tree.load(snapshot(List.of(detailed)));
        assertThat(vm.rows().get(0).cause()).isEqualTo("Denied by a policy");
        // the kubelet's next state only says "Back-off pulling image": the cause found before stays
        tree.apply(TestPods.modified(detailed, failing("payments", "api", "api-2")));
        assertThat(vm.rows().get(0).reason()).isEqualTo("ImagePullBackOff");
        assertThat(vm.rows().get(0).cause()).isEqualTo("Denied by a policy");
    }

    @Test
    void aDiagnosisNamesTheCauseOfAPodTheWaitingMessageDidNot() {
        tree.load(snapshot(List.of(failing("payments", "api", "api-2"))));
        assertThat(vm.rows().get(0).cause()).isEmpty();
        vm.causeFound("payments/api-2", "Tag not found");
        assertThat(vm.rows().get(0).cause()).isEqualTo("Tag not found");
    }

    @Test
    void choosingARowSelectsThePodInTheTree() {
        tree.load(snapshot(List.of(failing("shop", "web", "web-2"), failing("payments", "api", "api-9"))));
        vm.select(vm.rows().get(1));
        assertThat(tree.selectedPodProperty().get().key()).isEqualTo("shop/web-2");
    }

    @Test
    void clearingTheTreeEmptiesTheList() {
        tree.load(snapshot(List.of(failing("shop", "web", "web-2"))));
        tree.clear();
        assertThat(vm.rows()).isEmpty();
    }
}
