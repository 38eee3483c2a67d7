package dev.pullfix.app.shell;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.LabLauncher;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.TestPods;
import dev.pullfix.app.common.UiBridge;
import dev.pullfix.app.podtree.FailingPodsViewModel;
import dev.pullfix.app.podtree.PodTreeViewModel;
import dev.pullfix.app.wizard.DiagnosisPlanner;
import dev.pullfix.app.wizard.DiagnosisStep;
import dev.pullfix.app.wizard.StepResult;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.FailureReason;
import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pod chosen the moment it appears may be diagnosed before the kubelet said why: the kubelet's news retries. */
class RediagnoseTest {
    @TempDir
    Path dir;
    final List<String> walked = new ArrayList<>();
    boolean causeKnown;

    final DiagnosisPlanner.Walking planner = new DiagnosisPlanner.Walking() {
        @Override
        public Object prepare(PodInfo pod) {
            return "ready";
        }

        @Override
        public DiagnosisPlanner.Walk walk(PodInfo pod, Object prepared, CancelToken cancel, Consumer<DiagnosisStep> done) {
            walked.add(pod.failureMessage());
            DiagnosisStep s = new DiagnosisStep(1, "events", "why", "kubectl describe pod",
                    () -> StepResult.of(StepResult.Verdict.INFO, "no Failed event yet", new StepResult.None()));
            done.accept(s);
            StepResult cause = causeKnown ? StepResult.of(StepResult.Verdict.PROBLEM, "denied", new StepResult.None())
                    : null;
            return new DiagnosisPlanner.Walk(List.of(s), cause, List.of(), false);
        }

        @Override
        public List<DiagnosisStep> plan(PodInfo pod) {
            return List.of();
        }
    };

    MainViewModel vm(FakeBackend backend) {
        I18n i18n = new I18n(Locale.ENGLISH);
        FakeDialogs dialogs = new FakeDialogs();
        ActivityViewModel activity = new ActivityViewModel(i18n, dialogs, Clock.systemUTC());
        TaskRunner tasks = TaskRunner.synchronous().reportingFailuresTo(activity::taskFailed);
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel settings = new SettingsViewModel(tasks, store, store.load());
        PodTreeViewModel tree = new PodTreeViewModel();
        ConnectionViewModel connection = new ConnectionViewModel(tasks, UiBridge.immediate(), backend, i18n, settings,
                activity, tree);
        return new MainViewModel(i18n, dialogs, LabLauncher.unavailable(), settings, activity, connection,
                new AwsIdentityViewModel(tasks, backend, i18n, settings, activity), tree,
                new FailingPodsViewModel(tree, p -> null), new PodDetailsViewModel(tasks, i18n, activity,
                connection::session), new WizardViewModel(tasks, dialogs, planner, activity::log), () -> { });
    }

    @Test
    void aDiagnosisThatFoundNothingRunsAgainWhenTheKubeletReportsAndStopsOnceTheCauseIsFound() {
        FakeBackend backend = new FakeBackend();
        backend.contexts.add(FakeBackend.context("lab", true, null));
        PodInfo fresh = failing("default", "ui", "ui-1");
        backend.snapshots.put("lab", snapshot(List.of(fresh)));
        MainViewModel vm = vm(backend);
        vm.start();
        assertThat(walked).hasSize(1);
        assertThat(vm.wizard().conclusionProperty().get()).isNull();

        causeKnown = true;
        PodInfo failed = fresh.withFailure(FailureReason.ERR_IMAGE_PULL, "failed to pull: 403 Forbidden");
        backend.lastListener.onDeltas(TestPods.modified(fresh, failed));
        assertThat(walked).hasSize(2);
        assertThat(vm.wizard().conclusionProperty().get().summary()).isEqualTo("denied");
        assertThat(vm.activity().lines()).anyMatch(l -> l.contains("diagnosing again"));

        backend.lastListener.onDeltas(TestPods.modified(failed, fresh));
        assertThat(walked).as("a cause was found: the user's wizard is left alone").hasSize(2);
    }

    @Test
    void itGivesUpAfterAFewTries() {
        FakeBackend backend = new FakeBackend();
        backend.contexts.add(FakeBackend.context("lab", true, null));
        PodInfo a = failing("default", "ui", "ui-1");
        backend.snapshots.put("lab", snapshot(List.of(a)));
        MainViewModel vm = vm(backend);
        vm.start();
        PodInfo before = a;
        for (int i = 0; i < 6; i++) {
            PodInfo next = a.withFailure(FailureReason.ERR_IMAGE_PULL, "attempt " + i);
            backend.lastListener.onDeltas(TestPods.modified(before, next));
            before = next;
        }
        assertThat(walked).hasSize(4);
    }
}
