package dev.pullfix.model.lab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes pods in a lab store at a steady rate, as a busy cluster would: every 100 ms a tenth of the per-second rate
 * of random pods get a restart, and one change in five flips a pod between running and failing to pull. For scale
 * runs ({@code pullfix apiserver --changes-per-second N}, the window benchmark); seeded, so two runs change the same
 * pods in the same order.
 */
public final class LabChurn implements AutoCloseable {
    private final LabStore store;
    private final List<StoredObject> pods;
    private final Random rnd = new Random(7);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-churn");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong changes = new AtomicLong();

    private LabChurn(LabStore store) {
        this.store = store;
        this.pods = store.list(ResourceTypes.PODS, null, null);
    }

    /** Starts changing {@code perSecond} pods a second (none when the store has no pods). */
    public static LabChurn start(LabStore store, int perSecond) {
        LabChurn churn = new LabChurn(store);
        if (!churn.pods.isEmpty() && perSecond > 0) {
            int perTick = Math.max(1, perSecond / 10);
            churn.timer.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick && !Thread.currentThread().isInterrupted(); i++) {
                    churn.change();
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
        }
        return churn;
    }

    /** How many pods it changed so far. */
    public long changes() {
        return changes.get();
    }

    private void change() {
        StoredObject o = pods.get(rnd.nextInt(pods.size()));
        var current = store.get(ResourceTypes.PODS, o.namespace(), o.name());
        if (current.isEmpty()) {
            return;
        }
        ObjectNode pod = current.get().toJson().deepCopy();
        ObjectNode cs = (ObjectNode) pod.path("status").path("containerStatuses").path(0);
        if (cs.isMissingNode()) {
            return;
        }
        String image = cs.path("image").asText();
        if (rnd.nextInt(5) == 0) {
            ObjectNode state = cs.putObject("state");
            if (cs.path("ready").asBoolean()) {
                state.putObject("waiting").put("reason", "ImagePullBackOff")
                        .put("message", "Back-off pulling image \"" + image + "\"");
                cs.put("ready", false);
                ((ObjectNode) pod.path("status")).put("phase", "Pending");
            } else {
                state.putObject("running").put("startedAt", "2026-11-25T10:00:00Z");
                cs.put("ready", true);
                ((ObjectNode) pod.path("status")).put("phase", "Running");
            }
        } else {
            cs.put("restartCount", cs.path("restartCount").asInt() + 1);
        }
        store.put(pod);
        changes.incrementAndGet();
    }

    /** Stops; once it returns no further change is made. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
