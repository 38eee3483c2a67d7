package dev.pullfix.app.common;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
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

    /**
     * Runs {@code work} off the UI thread; its result goes to {@code onSuccess}, or what it threw to {@code onFailure},
     * on the UI thread. After {@link Handle#cancel()} neither is called.
     *
     * @param description what the work does, in the words of a command ({@code sts get-caller-identity},
     *                    {@code connect prod}); failures are reported with it
     */
    <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                      Consumer<? super Throwable> onFailure);

    /**
     * Work whose result nobody waits for (closing a session, stopping the lab): a failure is recorded where this runner
     * reports failures ({@link #reportingFailuresTo}), with {@code description}; nothing else is to be done about it.
     */
    default Handle run(String description, Runnable work) {
        return submit(description, () -> {
            work.run();
            return null;
        }, TaskRunner::nothingToDo, TaskRunner::nothingToDo);
    }

    private static void nothingToDo(Object resultOrRecordedFailure) {
        // run(): the result is not needed and the runner's failure reporter has recorded any failure
    }

    @Override
    void close();

    /**
     * This runner, telling {@code failures} (on the UI thread) of every failed task with its description before the
     * task's own failure handler runs: no failure goes unrecorded, even where the caller has nothing to add. Closing
     * the returned runner does not close this one (its owner does).
     */
    default TaskRunner reportingFailuresTo(BiConsumer<String, Throwable> failures) {
        TaskRunner inner = this;
        return new TaskRunner() {
            @Override
            public <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                                     Consumer<? super Throwable> onFailure) {
                return inner.submit(description, work, onSuccess, e -> {
                    failures.accept(description, e);
                    onFailure.accept(e);
                });
            }

            @Override
            public void close() {
                // the owner closes the runner underneath
            }
        };
    }

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
