package dev.pullfix.model.lab;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The lab's clock: starts at the real time and runs {@code speed} times faster, so the kubelet's image pull
 * back-off (10 s doubling to 5 min) does not make the user wait. Event ages, timestamps and back-off all use it.
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
        return start.plusNanos((long) (real * speed));
    }

    /** How many real milliseconds {@code labMillis} of lab time take. */
    public long realMillis(long labMillis) {
        return Math.max(1, (long) (labMillis / speed));
    }
}
