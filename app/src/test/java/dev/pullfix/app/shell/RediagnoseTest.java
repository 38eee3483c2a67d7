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
import dev.pullfix.app.wizard.Walks;
import dev.pullfix.app.wizard.WizardViewModel;
import dev.pullfix.model.diagnosis.runbook.CheckOutcome;
import dev.pullfix.model.diagnosis.runbook.Finding;
import dev.pullfix.model.cluster.PodInfo;
import dev.pullfix.model.cluster.FailureReason;
import dev.pullfix.model.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pod chosen the moment it appears may be diagnosed before the kubelet said why: the kubelet's news retries. */
class RediagnoseTest {
    @TempDir
    Path dir;
    boolean causeKnown;
    final Walks.Scripted diagnoser = new Walks.Scripted();

    {
        diagnoser.answer = p -> Walks.diagnosis(p, List.of(causeKnown
                ? Walks.ecrStep("pod-events", CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY",
                        "eventsShowPullFailure", "FORBIDDEN_POLICY")).build())
                : Walks.ok("pod-events", "podNotPulling", p.name(), "Pending")), causeKnown ? "FORBIDDEN_POLICY" : null,
                List.of());
    }

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
                connection::session), new WizardViewModel(tasks, UiBridge.immediate(), dialogs, diagnoser, i18n, activity::log), () -> { });
    }

    @Test
    void aDiagnosisThatFoundNothingRunsAgainWhenTheKubeletReportsAndStopsOnceTheCauseIsFound() {
        FakeBackend backend = new FakeBackend();
        backend.contexts.add(FakeBackend.context("lab", true, null));
        PodInfo fresh = failing("default", "ui", "ui-1");
        backend.snapshots.put("lab", snapshot(List.of(fresh)));
        MainViewModel vm = vm(backend);
        vm.start();
        assertThat(diagnoser.asked).hasSize(1);
        assertThat(vm.wizard().conclusionProperty().get()).isNull();

        causeKnown = true;
        PodInfo failed = fresh.withFailure(FailureReason.ERR_IMAGE_PULL, "failed to pull: 403 Forbidden");
        backend.lastListener.onDeltas(TestPods.modified(fresh, failed));
        assertThat(diagnoser.asked).hasSize(2);
        assertThat(vm.wizard().conclusionProperty().get()).contains("Denied by a policy");
        assertThat(vm.activity().lines()).anyMatch(l -> l.contains("diagnosing again"));

        backend.lastListener.onDeltas(TestPods.modified(failed, fresh));
        assertThat(diagnoser.asked).as("a cause was found: the user's wizard is left alone").hasSize(2);
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
        assertThat(diagnoser.asked).hasSize(4);
    }

    @Test
    void aPodThatRecoversLosesItsRedCauseAndItsEventsAreReadAgain() {
        FakeBackend backend = new FakeBackend();
        backend.contexts.add(FakeBackend.context("lab", true, null));
        causeKnown = true;
        PodInfo failed = failing("default", "ui", "ui-1").withFailure(FailureReason.ERR_IMAGE_PULL,
                "failed to pull: 403 Forbidden");
        backend.snapshots.put("lab", snapshot(List.of(failed)));
        backend.events = FakeBackend.ecr403Events(failed.containers().get(0).image());
        MainViewModel vm = vm(backend);
        vm.start();
        assertThat(vm.wizard().conclusionProperty().get()).contains("Denied by a policy");
        assertThat(vm.details().events()).noneMatch(e -> e.reason().equals("Started"));

        // the kubelet's next retry pulls: Pulled, Created, Started; the pod is Running and ready
        List<dev.pullfix.model.cluster.PodEvent> later = new java.util.ArrayList<>(backend.events);
        later.add(new dev.pullfix.model.cluster.PodEvent("Normal", "Pulled", "kubelet",
                "Successfully pulled image \"" + failed.containers().get(0).image() + "\" in 1.2s", 1,
                java.time.Instant.now(), java.time.Instant.now(), false, null));
        later.add(new dev.pullfix.model.cluster.PodEvent("Normal", "Started", "kubelet", "Started container app", 1,
                java.time.Instant.now(), java.time.Instant.now(), false, null));
        backend.events = later;
        causeKnown = false;
        PodInfo running = TestPods.healthy("default", "ui", "ui-1");
        backend.lastListener.onDeltas(TestPods.modified(failed, running));

        assertThat(diagnoser.asked).hasSize(2);
        assertThat(vm.wizard().conclusionProperty().get()).as("no stale cause under a running pod").isNull();
        assertThat(vm.details().events()).anyMatch(e -> e.reason().equals("Started"))
                .anyMatch(e -> e.reason().equals("Pulled"));
        assertThat(vm.activity().lines()).anyMatch(l -> l.contains("recovered"));
    }
}
