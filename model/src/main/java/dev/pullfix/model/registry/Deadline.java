package dev.pullfix.model.registry;

import java.time.Duration;

/** The end of one operation's total time; every request inside it waits at most what is left. */
final class Deadline {
    private final long end;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.end = System.nanoTime() + total.toNanos();
    }

    static Deadline in(Duration total) {
        return new Deadline(total);
    }

    Duration remaining() {
        long left = end - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean passed() {
        return end - System.nanoTime() <= 0;
    }

    Duration total() {
        return total;
    }

    /** The shorter of the time left and {@code cap}, at least 1 ms. */
    Duration cap(Duration cap) {
        Duration r = remaining();
        Duration d = r.compareTo(cap) < 0 ? r : cap;
        return d.isZero() || d.isNegative() ? Duration.ofMillis(1) : d;
    }
}
