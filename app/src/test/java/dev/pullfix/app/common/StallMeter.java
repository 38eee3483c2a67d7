package dev.pullfix.app.common;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse: an {@link AnimationTimer} notes the gap between consecutive
 * pulses (about 16.7 ms when the thread is free); the longest gap is the longest stall. Start and read it on the
 * FX thread.
 */
public final class StallMeter extends AnimationTimer {
    private long last;
    private volatile long maxGapNanos;
    private volatile long pulses;
    private volatile long over50;

    private volatile long fxThreadId = -1;
    private volatile long cpuAtReset = -1;

    @Override
    public void handle(long now) {
        if (fxThreadId < 0) {
            fxThreadId = Thread.currentThread().getId();
        }
        if (last != 0) {
            long gap = now - last;
            if (gap > maxGapNanos) {
                maxGapNanos = gap;
            }
            if (gap > 50_000_000L) {
                over50++;
            }
        }
        last = now;
        pulses++;
    }

    /** Forgets what was measured so far (the next gap counts from the next pulse). */
    public void reset() {
        fxThreadId = Thread.currentThread().getId();
        cpuAtReset = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
        last = 0;
        maxGapNanos = 0;
        pulses = 0;
        over50 = 0;
    }

    /** CPU time the FX thread used since {@link #reset()} (what our code cost it, whatever the machine's load). */
    public double fxCpuMillisSinceReset() {
        if (cpuAtReset < 0) {
            return -1;
        }
        return (java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId) - cpuAtReset) / 1e6;
    }

    public double maxStallMillis() {
        return maxGapNanos / 1e6;
    }

    public long pulses() {
        return pulses;
    }

    /** Pulses that came more than 50 ms after the previous one. */
    public long stallsOver50ms() {
        return over50;
    }
}
