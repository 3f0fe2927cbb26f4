package dev.sluice.client.internal.util;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * A {@link Time} that only moves when told to: {@link #advance(long)} or {@link #sleep(long)}.
 *
 * <p>Lives in main code (not test) so that tests of other modules can drive the producer with
 * it. {@link #await(Condition, long)} does not wait in real time for long: it advances the clock
 * by the full timeout after a brief real wait, which lets a blocked caller either be signalled or
 * time out deterministically. Thread-safe.
 */
public final class MockTime implements Time {
    private final AtomicLong nanos;
    private final long epochOffsetMs;

    /** Starts at an arbitrary, fixed wall-clock instant. */
    public MockTime() {
        this(1_700_000_000_000L);
    }

    public MockTime(final long startMs) {
        this.epochOffsetMs = startMs;
        this.nanos = new AtomicLong(0);
    }

    @Override
    public long milliseconds() {
        return epochOffsetMs + TimeUnit.NANOSECONDS.toMillis(nanos.get());
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }

    @Override
    public void sleep(final long ms) {
        advance(ms);
    }

    /** Moves the clock forward by {@code ms} milliseconds. */
    public void advance(final long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Override
    public void await(final Condition condition, final long timeoutNs) throws InterruptedException {
        // A short real wait gives a signalling thread the chance to hand over first; if nobody
        // signals, the full timeout passes on this clock.
        if (!condition.await(20, TimeUnit.MILLISECONDS)) {
            nanos.addAndGet(timeoutNs);
        }
    }
}
