package dev.sluice.client.internal.metrics;

import java.util.concurrent.atomic.DoubleAdder;

/** A running total since start (Kafka's {@code -total} metrics). Thread-safe. */
public final class CumulativeSum implements Stat {
    private final DoubleAdder total = new DoubleAdder();

    @Override
    public void record(final double value, final long nowMs) {
        total.add(value);
    }

    @Override
    public double measure(final long nowMs) {
        return total.sum();
    }
}
