package dev.sluice.samples.support;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per partition, the lowest and highest offset the broker acknowledged for this run's records.
 * Since one producer writes the topic, the consumer finds exactly this run's records in those
 * ranges, even on a topic that held older data. Written by the producer's I/O thread (callbacks),
 * read after {@code flush()}; synchronized for that hand-over.
 */
public final class OffsetRanges {
    private final Map<Integer, long[]> ranges = new TreeMap<>();

    /** Widens the partition's range to include {@code offset}. */
    public synchronized void add(final int partition, final long offset) {
        final long[] range = ranges.computeIfAbsent(partition, p -> new long[] {offset, offset});
        range[0] = Math.min(range[0], offset);
        range[1] = Math.max(range[1], offset);
    }

    /** @return partition to {@code {first, last}} offsets (inclusive), a copy */
    public synchronized Map<Integer, long[]> snapshot() {
        final Map<Integer, long[]> copy = new TreeMap<>();
        ranges.forEach((partition, range) -> copy.put(partition, range.clone()));
        return copy;
    }
}
