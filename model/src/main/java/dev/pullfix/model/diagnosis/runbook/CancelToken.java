package dev.pullfix.model.diagnosis.runbook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Cancels a running diagnosis from another thread (the GUI's Cancel button, Ctrl-C in the CLI). */
public final class CancelToken {
    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            listeners.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code r} on cancel (at once if already cancelled). */
    public void onCancel(Runnable r) {
        listeners.add(r);
        if (cancelled) {
            r.run();
        }
    }
}
