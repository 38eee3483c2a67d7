package dev.pullfix.model.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The time a whole command may take ({@code --timeout}): started once, asked how much is left, used to cap
 * each outbound call's own limit, and able to run the command's work so that it ends when the time is up.
 * Thread-safe; plain Java.
 */
public final class Deadline {

    private final Duration limit;
    private final long endNanos;

    private Deadline(Duration limit) {
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("a deadline must be positive: " + limit);
        }
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        return new Deadline(Objects.requireNonNull(limit));
    }

    /** The limit it was started with. */
    public Duration limit() {
        return limit;
    }

    /** What is left (zero once expired). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /**
     * One call's limit within this deadline: the smaller of {@code perCall} and what is left, never below
     * {@code floor} (so a call made at the last moment still fails cleanly rather than with a zero timeout).
     */
    public Duration cap(Duration perCall, Duration floor) {
        Duration left = remaining();
        Duration d = perCall.compareTo(left) < 0 ? perCall : left;
        return d.compareTo(floor) < 0 ? floor : d;
    }

    /** Throws {@link DeadlineExceededException} when the time is up; for loops between calls. */
    public void check() {
        if (expired()) {
            throw new DeadlineExceededException(limit);
        }
    }

    /**
     * Runs {@code work} on its own daemon thread and waits for it at most until the deadline. When the time runs
     * out the thread is interrupted (blocking fabric8 and SDK calls end on interrupt) and
     * {@link DeadlineExceededException} is thrown; the work's own exceptions are rethrown as they were
     * (checked ones wrapped in {@link IllegalStateException}).
     */
    public <T> T run(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "pullfix-command");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            task.cancel(true);
            throw new DeadlineExceededException(limit);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeadlineExceededException(limit);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
