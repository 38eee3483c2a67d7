package dev.pullfix.app.shell;

import static dev.pullfix.app.common.TestPods.failing;
import static dev.pullfix.app.common.TestPods.healthy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.app.activity.ActivityViewModel;
import dev.pullfix.app.common.FakeBackend;
import dev.pullfix.app.common.FakeDialogs;
import dev.pullfix.app.common.I18n;
import dev.pullfix.app.common.QueuedTasks;
import dev.pullfix.app.common.TaskRunner;
import dev.pullfix.app.common.TestPods;
import dev.pullfix.model.cluster.ClusterError;
import dev.pullfix.model.cluster.ContextInfo;
import dev.pullfix.model.cluster.LivePodTree;
import dev.pullfix.model.cluster.PodEvent;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PodDetailsViewModelTest {
    final FakeDialogs dialogs = new FakeDialogs();
    final I18n i18n = new I18n(Locale.ENGLISH);
    final ActivityViewModel activity = new ActivityViewModel(i18n, dialogs, Clock.systemUTC());
    final List<PodEvent> events = FakeBackend.ecr403Events(TestPods.ECR + "/payments/api:2.0.1");

    /** A session whose reads can fail on demand. */
    class Session implements WorkbenchBackend.ClusterSession {
        RuntimeException eventsFailure;
        RuntimeException yamlFailure;

        @Override
        public ContextInfo context() {
            return FakeBackend.context("prod", true, null);
        }

        @Override
        public void watch(LivePodTree.Listener listener) {
        }

        @Override
        public List<PodEvent> events(String namespace, String pod) {
            if (eventsFailure != null) {
                throw eventsFailure;
            }
            return events;
        }

        @Override
        public String podYaml(String namespace, String pod) {
            if (yamlFailure != null) {
                throw yamlFailure;
            }
            return "metadata:\n  name: " + pod + "\n";
        }

        @Override
        public void close() {
        }
    }

    final Session session = new Session();

    PodDetailsViewModel vm(TaskRunner runner) {
        return new PodDetailsViewModel(runner.reportingFailuresTo(activity::taskFailed), i18n, activity, () -> session);
    }

    @Test
    void aPodsEventsAndYamlAreReadInATask() {
        QueuedTasks tasks = new QueuedTasks();
        PodDetailsViewModel vm = vm(tasks);
        vm.show(failing("payments", "api", "api-2"));
        assertThat(vm.events()).isEmpty();
        assertThat(vm.yamlProperty().get()).isEqualTo("Loading…");
        assertThat(tasks.waiting()).containsExactly("kubectl describe pod api-2 -n payments");
        tasks.runAll();
        assertThat(vm.events()).hasSize(5);
        assertThat(vm.yamlProperty().get()).contains("name: api-2");
    }

    @Test
    void aLateAnswerForAPodNoLongerShownIsDropped() {
        QueuedTasks tasks = new QueuedTasks();
        PodDetailsViewModel vm = vm(tasks);
        vm.show(failing("payments", "api", "api-2"));
        vm.show(healthy("payments", "api", "api-1"));
        tasks.run("kubectl describe pod api-2");
        assertThat(vm.yamlProperty().get()).isEqualTo("Loading…");
        tasks.run("kubectl describe pod api-1");
        assertThat(vm.yamlProperty().get()).contains("name: api-1");
    }

    @Test
    void forbiddenEventsStillShowTheYaml() {
        session.eventsFailure = ClusterError.of(ClusterError.Code.FORBIDDEN, "list", "events", "payments");
        PodDetailsViewModel vm = vm(TaskRunner.synchronous());
        vm.show(failing("payments", "api", "api-2"));
        assertThat(vm.events()).isEmpty();
        assertThat(vm.yamlProperty().get()).contains("name: api-2");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aPodThatCannotBeReadSaysWhyInPlaceOfItsYaml() {
        session.yamlFailure = ClusterError.of(ClusterError.Code.POD_NOT_FOUND, "payments", "api-2");
        PodDetailsViewModel vm = vm(TaskRunner.synchronous());
        vm.show(failing("payments", "api", "api-2"));
        assertThat(vm.yamlProperty().get()).isNotBlank().doesNotContain("Exception").doesNotContain("POD_NOT_FOUND");
    }

    @Test
    void anUnexpectedFailureIsToldWithThePodAndLogged() {
        session.yamlFailure = new IllegalStateException("stream closed");
        PodDetailsViewModel vm = vm(TaskRunner.synchronous());
        vm.show(failing("payments", "api", "api-2"));
        assertThat(dialogs.errors).singleElement().asString()
                .isEqualTo("Could not load the details of payments/api-2: stream closed");
        assertThat(activity.lines()).anyMatch(l -> l.contains("Task \"kubectl describe pod api-2 -n payments\" failed"));
    }

    @Test
    void choosingNoPodClearsTheDetails() {
        PodDetailsViewModel vm = vm(TaskRunner.synchronous());
        vm.show(failing("payments", "api", "api-2"));
        vm.show(null);
        assertThat(vm.events()).isEmpty();
        assertThat(vm.yamlProperty().get()).isEmpty();
    }
}
