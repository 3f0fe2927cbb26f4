package dev.sluice.samples.support;

import org.HdrHistogram.Histogram;

/**
 * How a produce phase went.
 *
 * @param acknowledged records the broker acknowledged
 * @param failed       records whose send failed (their callbacks got an exception)
 * @param firstError   the first such exception, or null
 * @param payloadBytes key and value bytes of all records sent (uncompressed, without record overhead)
 * @param elapsedNanos from the first {@code send} until {@code flush()} returned
 * @param latencyMicros per record, {@code send} to its callback, microseconds; owned by this result once returned
 * @param stats        the producer's batching metrics at the end
 * @param ranges       acknowledged offsets per partition
 */
public record ProduceResult(long acknowledged, long failed, Throwable firstError, long payloadBytes, long elapsedNanos,
                            Histogram latencyMicros, ProducerStats stats, OffsetRanges ranges) {

    public double recordsPerSecond() {
        return acknowledged / seconds();
    }

    /** Payload megabytes (10<sup>6</sup> bytes) per second. */
    public double megabytesPerSecond() {
        return payloadBytes / 1e6 / seconds();
    }

    /** The latency below which {@code percentile}% of sends completed, in milliseconds. */
    public double latencyMillis(final double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    private double seconds() {
        return Math.max(elapsedNanos, 1) / 1e9;
    }
}
