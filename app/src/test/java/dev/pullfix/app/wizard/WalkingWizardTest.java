package dev.pullfix.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.TestPods;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The wizard over a walking planner (the runbook engine's shape): steps stream in, Next walks them, fixes follow. */
class WalkingWizardTest {
    final List<String> log = new ArrayList<>();
    final List<DiagnosisPlanner.FixOffer> started = new ArrayList<>();
    boolean engineStarts = true;
    CancelToken seenToken;

    static DiagnosisStep settled(int n, StepResult r) {
        return new DiagnosisStep(n, n + ". step", "why", "kubectl get pod", () -> r);
    }

    final DiagnosisPlanner.FixOffer tagFix = new DiagnosisPlanner.FixOffer(FixProposal.ImageTagChange.of(
            new WorkloadRef("Deployment", "web"), "shop", "web", "nginx:foo", List.of()), "Set another tag for container web");

    final DiagnosisPlanner.Walking planner = new DiagnosisPlanner.Walking() {
        @Override
        public Object prepare(PodInfo pod) {
            return engineStarts ? "connection" : null;
        }

        @Override
        public DiagnosisPlanner.Walk walk(PodInfo pod, Object prepared, CancelToken cancel, Consumer<DiagnosisStep> done) {
            seenToken = cancel;
            List<DiagnosisStep> steps = List.of(
                    settled(1, StepResult.of(StepResult.Verdict.PROBLEM, "waiting in ImagePullBackOff", new StepResult.None())),
                    settled(2, StepResult.couldNotCheck("Could not check: no credentials.", "ecr:DescribeImages")),
                    settled(3, StepResult.of(StepResult.Verdict.PENDING, "Run this step once the fix is applied.",
                            new StepResult.None())));
            steps.forEach(done);
            return new DiagnosisPlanner.Walk(steps, StepResult.of(StepResult.Verdict.PROBLEM, "tag foo not found",
                    new StepResult.None()), List.of(tagFix), false);
        }

        @Override
        public List<DiagnosisStep> plan(PodInfo pod) {
            return List.of(settled(1, StepResult.of(StepResult.Verdict.INFO, "classifier fallback", new StepResult.None())));
        }
    };

    WizardViewModel vm() {
        WizardViewModel vm = new WizardViewModel(TaskRunner.synchronous(), UiBridge.immediate(), new FakeDialogs(),
                planner, log::add);
        vm.setFixHandler(started::add);
        return vm;
    }

    @Test
    void theWalksStepsArriveSettledAndNextWalksThemToTheCause() {
        WizardViewModel vm = vm();
        vm.show(TestPods.failing("shop", "web", "web-1"));
        assertThat(vm.walkingProperty().get()).isTrue();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.steps()).hasSize(3).allMatch(s -> s.statusProperty().get() == WizardViewModel.Status.DONE);
        assertThat(vm.currentProperty().get()).isZero();
        vm.next();
        assertThat(vm.steps().get(1).resultProperty().get().missingPermission()).isEqualTo("ecr:DescribeImages");
        vm.next();
        assertThat(vm.currentProperty().get()).isEqualTo(2);
        assertThat(vm.canNextProperty().get()).isFalse();
        assertThat(vm.conclusionProperty().get().summary()).isEqualTo("tag foo not found");
        assertThat(vm.fixes()).containsExactly(tagFix);
    }

    @Test
    void fixButtonsDoNothingInReadOnlyMode() {
        WizardViewModel vm = vm();
        vm.show(TestPods.failing("shop", "web", "web-1"));
        vm.startFix(tagFix);
        assertThat(started).isEmpty();
        vm.writesAllowedProperty().set(true);
        vm.startFix(tagFix);
        assertThat(started).containsExactly(tagFix);
    }

    @Test
    void withoutAConnectionTheClassifierStepsAreShown() {
        engineStarts = false;
        WizardViewModel vm = vm();
        vm.show(TestPods.failing("shop", "web", "web-1"));
        assertThat(vm.walkingProperty().get()).isFalse();
        assertThat(vm.steps()).singleElement().satisfies(s -> assertThat(s.resultProperty().get().summary())
                .isEqualTo("classifier fallback"));
    }

    @Test
    void pickingAnotherPodCancelsTheRunningWalk() {
        WizardViewModel vm = vm();
        vm.show(TestPods.failing("shop", "web", "web-1"));
        CancelToken first = seenToken;
        vm.show(TestPods.failing("shop", "web", "web-2"));
        assertThat(first.isCancelled()).isTrue();
        assertThat(seenToken.isCancelled()).isFalse();
    }

    @Test
    void aWrittenFixOffersADiagnosisAgainUntilTheNextWalk() {
        WizardViewModel vm = vm();
        vm.show(TestPods.failing("shop", "web", "web-1"));
        vm.fixWritten("written");
        assertThat(vm.afterFixProperty().get()).isEqualTo("written");
        vm.diagnoseAgain();
        assertThat(vm.afterFixProperty().get()).isNull();
        assertThat(vm.steps()).hasSize(3);
    }
}
