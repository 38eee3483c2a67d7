package dev.pullfix.app.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The production runner: a daemon pool; results are handed to the FX thread. Shut down in {@code stop()}. */
public final class FxTaskRunner implements TaskRunner {
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
        Future<?> f = pool.submit(() -> {
            try {
                T result = work.call();
                if (!Thread.currentThread().isInterrupted()) {
                    Platform.runLater(() -> onSuccess.accept(result));
                }
            } catch (Throwable e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                f.cancel(true);
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
