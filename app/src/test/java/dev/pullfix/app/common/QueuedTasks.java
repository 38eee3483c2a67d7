package dev.pullfix.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A task runner that holds submitted work until the test runs it, on the test's thread: shows what runs in a task
 * (and so not on the caller's thread), the order of answers, late answers and cancellation. A cancelled task
 * delivers nothing, as {@link FxTaskRunner} does.
 */
public final class QueuedTasks implements TaskRunner {

    /** One submitted task. */
    public final class Pending implements Handle {
        final String description;
        final Runnable run;
        boolean cancelled;
        boolean done;

        Pending(String description, Runnable run) {
            this.description = description;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }

    private final List<Pending> queue = new ArrayList<>();

    @Override
    public <T> Handle submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        Pending[] self = new Pending[1];
        self[0] = new Pending(description, () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (!self[0].cancelled) {
                    onFailure.accept(e);
                }
                return;
            }
            if (!self[0].cancelled) {
                onSuccess.accept(result);
            }
        });
        queue.add(self[0]);
        return self[0];
    }

    /** Descriptions of the tasks waiting to run, oldest first. */
    public List<String> waiting() {
        return queue.stream().map(p -> p.description).toList();
    }

    /** Runs the oldest waiting task whose description starts with {@code prefix}; fails when there is none. */
    public void run(String prefix) {
        Pending p = queue.stream().filter(x -> x.description.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + prefix + " in " + waiting()));
        queue.remove(p);
        p.done = true;
        p.run.run();
    }

    /** Runs waiting tasks (and the ones they submit) until none is left. */
    public void runAll() {
        int guard = 0;
        while (!queue.isEmpty()) {
            Pending p = queue.remove(0);
            p.done = true;
            p.run.run();
            if (++guard > 10_000) {
                throw new AssertionError("tasks keep submitting tasks: " + waiting());
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
    }
}
