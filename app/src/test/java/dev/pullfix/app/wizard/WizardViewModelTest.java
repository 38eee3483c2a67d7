package dev.pullfix.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.TestPods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WizardViewModelTest {
    final FakeDialogs dialogs = new FakeDialogs();
    final List<String> ran = new ArrayList<>();

    DiagnosisPlanner planner() {
        return pod -> List.of(
                step(1, "status", StepResult.of(StepResult.Verdict.PROBLEM, "app waits with ImagePullBackOff",
                        new StepResult.None())),
                new DiagnosisStep(2, "repository policy", "", "aws ecr get-repository-policy --repository-name payments/api",
                        () -> {
                            ran.add("repository policy");
                            return StepResult.couldNotCheck("the policy could not be read", "ecr:GetRepositoryPolicy");
                        }),
                step(3, "verdict", StepResult.of(StepResult.Verdict.PROBLEM, "the node role may not pull", new StepResult.None())));
    }

    DiagnosisStep step(int n, String title, StepResult r) {
        Callable<StepResult> c = () -> {
            ran.add(title);
            return r;
        };
        return new DiagnosisStep(n, title, "why " + title, "kubectl " + title, c);
    }

    WizardViewModel vm(TaskRunner tasks) {
        Consumer<String> log = s -> { };
        return new WizardViewModel(tasks, dialogs, planner(), log);
    }

    @Test
    void showingAPodRunsOnlyTheFirstStep() {
        WizardViewModel vm = vm(TaskRunner.synchronous());
        vm.show(TestPods.failing("payments", "api", "api-1"));
        assertThat(ran).containsExactly("status");
        assertThat(vm.currentProperty().get()).isZero();
        assertThat(vm.canBackProperty().get()).isFalse();
        assertThat(vm.canNextProperty().get()).isTrue();
    }

    @Test
    void nextAndBackWalkTheStepsAndTheLastVerdictIsTheConclusion() {
        WizardViewModel vm = vm(TaskRunner.synchronous());
        vm.show(TestPods.failing("payments", "api", "api-1"));
        vm.next();
        assertThat(vm.steps().get(1).resultProperty().get().missingPermission()).isEqualTo("ecr:GetRepositoryPolicy");
        assertThat(vm.steps().get(1).resultProperty().get().verdict()).isEqualTo(StepResult.Verdict.COULD_NOT_CHECK);
        vm.back();
        assertThat(vm.currentProperty().get()).isZero();
        vm.next();
        vm.next();
        assertThat(ran).containsExactly("status", "repository policy", "verdict");
        assertThat(vm.conclusionProperty().get().summary()).isEqualTo("the node role may not pull");
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void runAllRunsEveryPendingStepOnceAndEndsOnTheLast() {
        WizardViewModel vm = vm(TaskRunner.synchronous());
        vm.show(TestPods.failing("payments", "api", "api-1"));
        vm.runAll();
        assertThat(ran).containsExactly("status", "repository policy", "verdict");
        assertThat(vm.currentProperty().get()).isEqualTo(2);
        assertThat(vm.steps()).allMatch(s -> s.statusProperty().get() == WizardViewModel.Status.DONE);
    }

    @Test
    void copyPutsTheStepsCommandOnTheClipboard() {
        WizardViewModel vm = vm(TaskRunner.synchronous());
        vm.show(TestPods.failing("payments", "api", "api-1"));
        vm.copyCommand(vm.steps().get(1));
        assertThat(dialogs.clipboard).containsExactly("aws ecr get-repository-policy --repository-name payments/api");
    }

    @Test
    void aLateAnswerForAPreviousPodIsIgnored() {
        List<Runnable> pending = new ArrayList<>();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> Handle submit(String d, Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> ko) {
                pending.add(() -> {
                    try {
                        ok.accept(work.call());
                    } catch (Exception e) {
                        ko.accept(e);
                    }
                });
                return new Handle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return false;
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        WizardViewModel vm = vm(deferred);
        vm.show(TestPods.failing("payments", "api", "api-1"));
        vm.show(TestPods.failing("payments", "api", "api-2"));
        pending.get(0).run();
        assertThat(vm.steps().get(0).resultProperty().get()).isNull();
        pending.get(1).run();
        assertThat(vm.steps().get(0).resultProperty().get()).isNotNull();
        assertThat(vm.podProperty().get().name()).isEqualTo("api-2");
    }

    @Test
    void aFailingCheckBecomesCouldNotCheckNotACrash() {
        DiagnosisPlanner broken = pod -> List.of(new DiagnosisStep(1, "t", "e", "c", () -> {
            throw new IllegalStateException("connection refused");
        }));
        WizardViewModel vm = new WizardViewModel(TaskRunner.synchronous(), dialogs, broken, s -> { });
        vm.show(TestPods.failing("payments", "api", "api-1"));
        assertThat(vm.steps().get(0).resultProperty().get().verdict()).isEqualTo(StepResult.Verdict.COULD_NOT_CHECK);
        assertThat(vm.steps().get(0).resultProperty().get().summary()).isEqualTo("connection refused");
    }
}
