package dev.sluice.client.internal.metrics;

/** Something a {@link Sensor} feeds and a metric reads. Implementations are thread-safe. */
public interface Stat {
    /** Records one observation at {@code nowMs}. */
    void record(double value, long nowMs);

    /** The current value at {@code nowMs}. */
    double measure(long nowMs);
}
