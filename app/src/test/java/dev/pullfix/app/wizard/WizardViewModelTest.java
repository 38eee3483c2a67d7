package dev.pullfix.app.wizard;

import static dev.pullfix.app.common.TestPods.failing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.QueuedTasks;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.WorkloadRef;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.diagnosis.runbook.FixProposal;
import dev.pullfix.model.diagnosis.runbook.Verdict;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.fix.proof.FixProof;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The wizard over the model's step results: no mirror types, texts from the bundles. */
class WizardViewModelTest {
    final FakeDialogs dialogs = new FakeDialogs();
    final List<String> log = new ArrayList<>();
    final Walks.Scripted diagnoser = new Walks.Scripted();
    final PodInfo pod = failing("shop", "web", "web-1");
    final FixProposal tagFix = FixProposal.ImageTagChange.of(new WorkloadRef("Deployment", "web"), "shop", "app",
            pod.containers().get(0).image(), List.of("1.4.2"));

    {
        diagnoser.answer = p -> Walks.diagnosis(p, List.of(
                Walks.ecrStep("pod-status", CheckOutcome.problem(Finding.of("podWaiting", p.name(),
                        "ImagePullBackOff", "app")).build()),
                Walks.ecrStep("pod-events", CheckOutcome.problem(Finding.cause("TAG_NOT_FOUND", "eventsShowPullFailure",
                        "TAG_NOT_FOUND")).build()),
                Walks.ecrStep("ecr-image", CheckOutcome.couldNotCheck(
                        CouldNotCheckException.accessDenied("ecr:DescribeImages", "AccessDeniedException"))),
                Walks.ecrStep("pods-running", new CheckOutcome(Verdict.PENDING, Finding.of("afterFix"), List.of(),
                        List.of(), null, null, null))), "TAG_NOT_FOUND", List.of(tagFix));
    }

    WizardViewModel vm(TaskRunner tasks, Locale locale) {
        return new WizardViewModel(tasks, UiBridge.immediate(), dialogs, diagnoser, new I18n(locale), log::add);
    }

    @Test
    void theWalksStepsArriveSettledWithTheirCauseAndFixesAndNextWalksThemToTheEnd() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        assertThat(vm.steps()).extracting(WizardViewModel.Step::number).containsExactly(1, 2, 3, 4);
        assertThat(vm.steps().get(1).result().verdict()).isEqualTo(Verdict.PROBLEM);
        assertThat(vm.currentProperty().get()).isZero();
        assertThat(vm.conclusionProperty().get()).as("readable cause, no enum")
                .isEqualTo("The kubelet events report a pull failure: Tag not found.");
        assertThat(vm.fixes()).singleElement().satisfies(f -> {
            assertThat(f.proposal()).isSameAs(tagFix);
            assertThat(f.label()).isNotBlank().doesNotStartWith("!");
        });
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.back();
        assertThat(vm.currentProperty().get()).isEqualTo(2);
    }

    @Test
    void stepTextsComeFromTheBundlesInTheUiLanguage() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.JAPANESE);
        vm.show(pod);
        DiagnosisText t = vm.text();
        var denied = vm.steps().get(2);
        assertThat(t.verdict(denied.result())).contains("ecr:DescribeImages");
        assertThat(t.title(denied.number(), denied.result())).doesNotContain("Check");
        assertThat(vm.conclusionProperty().get()).doesNotContain("TAG_NOT_FOUND");
    }

    @Test
    void runAllEndsOnTheLastStepEvenWhenAskedWhileTheWalkRuns() {
        QueuedTasks tasks = new QueuedTasks();
        WizardViewModel vm = vm(tasks, Locale.ENGLISH);
        vm.show(pod);
        assertThat(vm.runningProperty().get()).isTrue();
        vm.runAll();
        tasks.runAll();
        assertThat(vm.currentProperty().get()).isEqualTo(3);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void copyPutsTheStepsCommandsOnTheClipboard() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        vm.copyCommand(vm.steps().get(0));
        assertThat(dialogs.clipboard).singleElement().asString().startsWith("kubectl ");
    }

    @Test
    void pickingAnotherPodCancelsTheRunningWalkAndIgnoresItsLateAnswer() {
        QueuedTasks tasks = new QueuedTasks();
        WizardViewModel vm = vm(tasks, Locale.ENGLISH);
        vm.show(pod);
        PodInfo other = failing("shop", "web", "web-2");
        vm.show(other);
        tasks.run("diagnose shop/web-1");
        assertThat(vm.steps()).isEmpty();
        tasks.run("diagnose shop/web-2");
        assertThat(diagnoser.tokens.get(0).isCancelled()).isTrue();
        assertThat(vm.podProperty().get()).isSameAs(other);
        assertThat(vm.steps()).hasSize(4);
    }

    @Test
    void withoutAConnectionTheWizardSaysSoInsteadOfDiagnosing() {
        diagnoser.connected = false;
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        assertThat(diagnoser.asked).isEmpty();
        assertThat(vm.unavailableProperty().get()).isEqualTo("Connect to the cluster to diagnose this pod.");
    }

    @Test
    void anEngineThatFailsIsToldInWordsNotACrash() {
        diagnoser.failure = new IllegalStateException("runbooks could not be read");
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.unavailableProperty().get()).isEqualTo("The diagnosis could not run: runbooks could not be read");
    }

    @Test
    void fixButtonsDoNothingInReadOnlyModeAndOpenTheFixOtherwise() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        List<FixOffer> started = new ArrayList<>();
        vm.setFixHandler(started::add);
        vm.show(pod);
        vm.startFix(vm.fixes().get(0));
        assertThat(started).isEmpty();
        vm.writesAllowedProperty().set(true);
        vm.startFix(vm.fixes().get(0));
        assertThat(started).singleElement().extracting(FixOffer::proposal).isSameAs(tagFix);
    }

    @Test
    void aWrittenFixDropsTheOldCauseAndDiagnosingAgainRunsTheAfterTheFixSteps() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        assertThat(vm.conclusionProperty().get()).isNotNull();
        vm.fixWritten("written");
        assertThat(vm.afterFixProperty().get()).isEqualTo("written");
        assertThat(vm.conclusionProperty().get()).as("no stale cause over a pod that may be recovering").isNull();
        assertThat(vm.verifyingProperty().get()).isTrue();
        vm.diagnoseAgain();
        assertThat(diagnoser.asked).containsExactly("shop/web-1", "shop/web-1 +afterFix");
        assertThat(vm.afterFixProperty().get()).as("the verify banner stays").isEqualTo("written");
        vm.show(failing("shop", "web", "web-2"));
        assertThat(vm.afterFixProperty().get()).isNull();
        assertThat(vm.verifyingProperty().get()).isFalse();
    }

    @Test
    void aStepThatWaitsForTheFixCanBeRunOnItsOwn() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        var waiting = vm.steps().get(3);
        assertThat(waiting.result().verdict()).isEqualTo(Verdict.PENDING);
        vm.runStep(vm.steps().get(0)); // a settled step: nothing to run
        assertThat(diagnoser.asked).hasSize(1);
        vm.runStep(waiting);
        assertThat(diagnoser.asked).containsExactly("shop/web-1", "shop/web-1 +afterFix");
    }

    @Test
    void onlyAPodRunningAndReadyIsCalledFixed() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        vm.fixProven(proof(FixProof.Verdict.FIXED)); // no write yet: nothing to prove
        assertThat(vm.proofProperty().get()).isNull();

        vm.fixWritten("written");
        vm.fixProven(proof(FixProof.Verdict.NOT_YET));
        assertThat(vm.afterFixProperty().get()).doesNotContain("Fixed").contains("neither became ready");
        assertThat(vm.verifyingProperty().get()).isFalse();

        vm.fixWritten("written");
        vm.fixProven(new FixProof(FixProof.Verdict.STILL_FAILING, List.of(new FixProof.PodState("web-2", "Pending",
                "0/1", "ErrImagePull", true)), "web-2", "ErrImagePull", "manifest unknown", null, Duration.ofSeconds(9)));
        assertThat(vm.afterFixProperty().get()).startsWith("Still failing").contains("web-2");
        assertThat(diagnoser.asked).as("diagnosed again with the after-the-fix steps")
                .containsExactly("shop/web-1", "shop/web-1 +afterFix");

        vm.fixWritten("written");
        vm.fixProven(proof(FixProof.Verdict.FIXED));
        assertThat(vm.afterFixProperty().get()).isEqualTo("Fixed: web-7 is Running and ready.");
        assertThat(vm.proofProperty().get().verdict()).isEqualTo(FixProof.Verdict.FIXED);
        assertThat(vm.steps()).as("web-1's failure is not shown under web-7's Fixed").isEmpty();
        assertThat(vm.fixes()).isEmpty();
    }

    @Test
    void aPodProvenFixedIsWalkedAgainAsItIsNowWithoutTheStaleFailureOrFix() {
        WizardViewModel vm = vm(TaskRunner.synchronous(), Locale.ENGLISH);
        vm.show(pod);
        vm.fixWritten("written");
        vm.fixProven(new FixProof(FixProof.Verdict.FIXED, List.of(new FixProof.PodState("web-1", "Running", "1/1",
                "Running", true)), null, null, null, null, Duration.ofSeconds(12)));
        assertThat(vm.afterFixProperty().get()).isEqualTo("Fixed: web-1 is Running and ready.");
        assertThat(diagnoser.asked).as("the recovered pod walked again, after-the-fix steps included")
                .containsExactly("shop/web-1", "shop/web-1 +afterFix");
        assertThat(vm.proofProperty().get().verdict()).isEqualTo(FixProof.Verdict.FIXED);
        assertThat(vm.steps()).isNotEmpty();
        assertThat(vm.conclusionProperty().get()).as("the cause its old events name is history").isNull();
        assertThat(vm.fixes()).as("the written fix is not offered again").isEmpty();
    }

    static FixProof proof(FixProof.Verdict v) {
        return new FixProof(v, List.of(new FixProof.PodState("web-7", "Running", "1/1", "Running", true)), null, null,
                null, null, Duration.ofSeconds(12));
    }
}
