package dev.pullfix.model.lab;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The lab's clock. Timestamps are real time (kubectl computes ages against the machine's clock, so a clock ahead
 * of it would print {@code <invalid>}); only the kubelet's waits (image pull back-off, 10 s doubling to 5 min)
 * run {@code speed} times faster, through {@link #realMillis(long)}, so back-off does not make the user wait.
 */
public final class LabClock extends Clock {
    private final Instant start;
    private final long startNanos;
    private final double speed;

    public LabClock(Instant start, double speed) {
        if (!(speed > 0) || speed > 100_000) {
            throw new IllegalArgumentException("speed must be > 0 and at most 100000");
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        long real = System.nanoTime() - startNanos;
        return start.plusNanos(real);
    }

    /** How many real milliseconds {@code labMillis} of lab time take. */
    public long realMillis(long labMillis) {
        return Math.max(1, (long) (labMillis / speed));
    }
}
