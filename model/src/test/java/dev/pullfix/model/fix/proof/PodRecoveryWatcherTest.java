package dev.pullfix.model.fix.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullfix.model.diagnosis.runbook.CancelToken;
import dev.pullfix.model.diagnosis.runbook.port.ClusterPort;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.aws.NodeFacts;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.cluster.WorkloadRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The watch's verdicts on a scripted cluster: fixed only when ready and nothing fails; a new failure; not yet. */
class PodRecoveryWatcherTest {

    /** A cluster whose pods and pull-failure event counts the test sets. */
    static final class Scripted implements ClusterPort {
        volatile List<PodFacts> pods = List.of();
        volatile int failures;

        @Override
        public PodFacts pod(String namespace, String name) throws CouldNotCheckException {
            return pods.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                    CouldNotCheckException.of(CouldNotCheckException.Reason.NOT_FOUND, name));
        }

        @Override
        public List<EventFacts> podEvents(String namespace, String podName) {
            return failures == 0 ? List.of() : List.of(new EventFacts(namespace, "Pod", podName, "Warning", "Failed",
                    "Failed to pull image \"x\": not found", failures, Instant.EPOCH, Instant.EPOCH, "kubelet"));
        }

        @Override
        public Optional<NodeFacts> node(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<SecretFacts> secret(String namespace, String name) {
            return Optional.empty();
        }

        @Override
        public Optional<ServiceAccountFacts> serviceAccount(String namespace, String name) {
            return Optional.empty();
        }

        @Override
        public List<PodFacts> workloadPods(String namespace, WorkloadRef workload) {
            return pods;
        }
    }

    static PodFacts pod(String name, String phase, boolean ready, String waiting) {
        return pod(name, phase, ready, waiting, waiting == null ? null : "Back-off pulling image \"x\"");
    }

    static PodFacts pod(String name, String phase, boolean ready, String waiting, String waitingMessage) {
        return new PodFacts("ns", name, phase, "node", null, List.of(), new WorkloadRef("Deployment", "app"),
                List.of(new ContainerFacts("app", "app:1", false, ready, waiting, waitingMessage, 0)),
                Instant.EPOCH);
    }

    static final WorkloadRef APP = new WorkloadRef("Deployment", "app");

    @Test
    void fixedOnlyWhenAPodIsReadyAndTheOldFailingOneIsGone() throws Exception {
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1");
        List<List<FixProof.PodState>> seen = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
                c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"), pod("app-2", "Running", true, null));
                Thread.sleep(100);
                c.pods = List.of(pod("app-2", "Running", true, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        FixProof p = w.watch(b, Duration.ofSeconds(5), new CancelToken(), seen::add);
        t.join();
        assertThat(p.verdict()).isEqualTo(FixProof.Verdict.FIXED);
        assertThat(seen).anySatisfy(states -> assertThat(states).hasSize(2)); // both pods were seen on the way
        assertThat(p.pods()).extracting(FixProof.PodState::name).containsExactly("app-2");
    }

    @Test
    void anOldPodThatFailsAgainAfterTheWriteIsStillFailing() throws Exception {
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1");
        c.failures = 4;
        FixProof p = w.watch(b, Duration.ofSeconds(5), new CancelToken(), s -> { });
        assertThat(p.verdict()).isEqualTo(FixProof.Verdict.STILL_FAILING);
        assertThat(p.failingPod()).isEqualTo("app-1");
        assertThat(p.reason()).isEqualTo("ImagePullBackOff");
        assertThat(p.message()).as("the kubelet's error, not the back-off text of the moment")
                .isEqualTo("Failed to pull image \"x\": not found");
    }

    @Test
    void anOldPodRetryingTheOldTemplateDuringARolloutIsNotTheFixFailing() throws Exception {
        // a tag change rolls the Deployment out: the old pod's kubelet retries the old image once more before the
        // controller removes it; that failure is expected, only the new pods prove or disprove the fix
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1", true);
        c.failures = 4;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(150);
                c.pods = List.of(pod("app-1", "Pending", false, "ErrImagePull"), pod("app-2", "Running", true, null));
                Thread.sleep(100);
                c.pods = List.of(pod("app-2", "Running", true, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        FixProof p = w.watch(b, Duration.ofSeconds(5), new CancelToken(), s -> { });
        t.join();
        assertThat(p.verdict()).isEqualTo(FixProof.Verdict.FIXED);

        // the same retry after a write that leaves the pods in place (a policy) is the fix failing
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        Baseline inPlace = w.baseline("ns", APP, "app-1", false);
        c.failures = 4;
        assertThat(w.watch(inPlace, Duration.ofSeconds(5), new CancelToken(), s -> { }).verdict())
                .isEqualTo(FixProof.Verdict.STILL_FAILING);
    }

    @Test
    void aNewPodFailsAgainOnItsFirstErrImagePullEvenBeforeItsEventIsWritten() throws Exception {
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1");
        c.failures = 0;
        c.pods = List.of(pod("app-2", "Pending", false, "ErrImagePull", "\"x\": 401 Unauthorized"));
        FixProof p = w.watch(b, Duration.ofSeconds(5), new CancelToken(), s -> { });
        assertThat(p.verdict()).isEqualTo(FixProof.Verdict.STILL_FAILING);
        assertThat(p.failingPod()).isEqualTo("app-2");
        assertThat(p.message()).isEqualTo("\"x\": 401 Unauthorized");
    }

    @Test
    void backOffWithoutANewPullFailureIsNotAFailureAgain() throws Exception {
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ErrImagePull", "\"x\": not found"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1");
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"),
                pod("app-2", "Pending", false, "ImagePullBackOff"));
        c.failures = 0;
        FixProof p = w.watch(b, Duration.ofMillis(200), new CancelToken(), s -> { });
        assertThat(p.verdict()).as("no pull has failed since the write: the old pod's count did not grow, the new "
                + "pod has no failure yet").isEqualTo(FixProof.Verdict.NOT_YET);
    }

    @Test
    void noChangeWithinTheTimeIsNotYetAndCancelStops() throws Exception {
        Scripted c = new Scripted();
        c.pods = List.of(pod("app-1", "Pending", false, "ImagePullBackOff"));
        c.failures = 3;
        PodRecoveryWatcher w = new PodRecoveryWatcher(c, null, Duration.ofMillis(20));
        Baseline b = w.baseline("ns", APP, "app-1");
        long t0 = System.nanoTime();
        FixProof p = w.watch(b, Duration.ofMillis(300), new CancelToken(), s -> { });
        assertThat(p.verdict()).isEqualTo(FixProof.Verdict.NOT_YET);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 2000L);
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        assertThat(w.watch(b, Duration.ofSeconds(5), cancel, s -> { }).verdict()).isEqualTo(FixProof.Verdict.CANCELLED);
    }
}
