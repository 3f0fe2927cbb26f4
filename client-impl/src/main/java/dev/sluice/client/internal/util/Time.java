package dev.sluice.client.internal.util;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The clock every piece of producer and consumer logic reads, so that tests can control time.
 *
 * <p>Implementations must be safe to call from any thread. {@link #milliseconds()} is wall-clock
 * time (epoch milliseconds, used for record timestamps and ages); {@link #nanoseconds()} is a
 * monotonic reading used for durations.
 */
public interface Time {
    /** The clock of the running JVM. */
    Time SYSTEM = new SystemTime();

    /** Wall-clock time in epoch milliseconds. */
    long milliseconds();

    /** A monotonic reading in nanoseconds; only differences between two readings are meaningful. */
    long nanoseconds();

    /** Sleeps for {@code ms} milliseconds of this clock's time. */
    void sleep(long ms);

    /**
     * Waits on {@code condition} (whose lock the caller holds) for up to {@code timeoutNs}
     * nanoseconds of this clock's time; may return early (spurious wake-up or signal).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    default void await(final Condition condition, final long timeoutNs) throws InterruptedException {
        condition.await(timeoutNs, TimeUnit.NANOSECONDS);
    }
}
