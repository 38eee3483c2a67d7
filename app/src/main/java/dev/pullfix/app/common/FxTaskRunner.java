package dev.pullfix.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The production runner: a daemon pool; results are handed to the FX thread (the one other place besides
 * {@link FxBridge} that calls {@code Platform.runLater}). A cancelled task delivers nothing. Closed in
 * {@code Application.stop()}: running work gets a short grace period (a last settings save), then is interrupted.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final long GRACE_MS = 2_000;
    private final ExecutorService pool;

    public FxTaskRunner(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pullfix-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        boolean[] cancelled = new boolean[1]; // read and written on the FX thread only
        Future<?> f = pool.submit(() -> {
            try {
                T result = work.call();
                if (!Thread.currentThread().isInterrupted()) {
                    deliver(() -> {
                        if (!cancelled[0]) {
                            onSuccess.accept(result);
                        }
                    });
                }
            } catch (Throwable e) {
                deliver(() -> {
                    if (!cancelled[0]) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
                f.cancel(true);
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }
        };
    }

    private static void deliver(Runnable onFx) {
        try {
            Platform.runLater(onFx);
        } catch (IllegalStateException toolkitGone) {
            // the application has exited: nobody is left to tell
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(GRACE_MS, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
