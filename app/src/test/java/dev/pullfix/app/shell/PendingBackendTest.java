package dev.pullfix.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullfix.app.common.FakeBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend of a practice lab still starting: task calls wait for it, FX-thread calls never do. */
class PendingBackendTest {
    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static FakeBackend backend(String context) {
        FakeBackend b = new FakeBackend();
        b.contexts.add(FakeBackend.context(context, true, null));
        return b;
    }

    @Test
    void tasksWaitForTheLabAndThenReadItsContexts() throws Exception {
        PendingBackend pending = new PendingBackend(() -> backend("machine"));
        Future<List<String>> contexts = pool.submit(() -> pending.contexts().stream().map(c -> c.name()).toList());
        assertThatThrownBy(() -> contexts.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        pending.resolve(backend("pullfix-lab"));
        assertThat(contexts.get(10, TimeUnit.SECONDS)).containsExactly("pullfix-lab");
        assertThat(pending.open("pullfix-lab").context().name()).isEqualTo("pullfix-lab");
    }

    @Test
    void aLabThatCouldNotStartLeavesTheMachinesOwnFiles() throws Exception {
        PendingBackend pending = new PendingBackend(() -> backend("machine"));
        Future<List<String>> contexts = pool.submit(() -> pending.contexts().stream().map(c -> c.name()).toList());
        pending.resolve(backend("machine")); // what PracticeLab.startBehind names when LabSession.start throws
        assertThat(contexts.get(10, TimeUnit.SECONDS)).containsExactly("machine");
    }

    @Test
    void theFxThreadCallsDoNotWait() {
        FakeBackend machine = new FakeBackend() {
            @Override
            public Map<String, String> environment() {
                return Map.of("WHO", "machine");
            }
        };
        PendingBackend pending = new PendingBackend(() -> machine);
        assertThat(pending.environment()).containsEntry("WHO", "machine");
        assertThat(pending.awsSessions("p", "r")).isNull(); // the fake has no AWS; answered at once
    }

    @Test
    void aCancelledTaskStopsWaiting() throws Exception {
        PendingBackend pending = new PendingBackend(() -> backend("machine"));
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Future<?> f = pool.submit(() -> {
            try {
                pending.awsProfiles();
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
        });
        Thread.sleep(100);
        f.cancel(true);
        assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }
}
