package dev.pullfix.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work off the FX thread and delivers the result (or the failure) back on it.
 * View-models receive one by constructor; tests pass {@link #synchronous()}.
 */
public interface TaskRunner extends AutoCloseable {

    /** A handle on submitted work. */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                      Consumer<? super Throwable> onFailure);

    @Override
    void close();

    /** Runs everything on the caller's thread: for view-model tests. */
    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                                     Consumer<? super Throwable> onFailure) {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
                return new Handle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }
}
