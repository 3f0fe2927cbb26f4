package dev.sluice.samples.rebalance;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the demo's producer had acknowledged and what its consumers read, by partition and offset, so
 * the end of the run can say whether anything was missed or read twice.
 *
 * <p>Thread-safe: the producer's I/O thread records acknowledgements while every consumer thread
 * records what it read.
 */
final class DeliveryLedger {
    private final Map<Integer, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    /** partition → offset → how many times any consumer read it. */
    private final Map<Integer, Map<Long, Integer>> reads = new ConcurrentHashMap<>();

    void acknowledged(final int partition, final long offset) {
        acknowledged.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(offset);
    }

    void read(final int partition, final long offset) {
        reads.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).merge(offset, 1, Integer::sum);
    }

    long acknowledgedCount() {
        return acknowledged.values().stream().mapToLong(Set::size).sum();
    }

    /** Every read, duplicates included. */
    long readCount() {
        return reads.values().stream().flatMap(m -> m.values().stream()).mapToLong(Integer::longValue).sum();
    }

    /** Acknowledged records that no consumer has read (yet). */
    long missingCount() {
        long missing = 0;
        for (final Map.Entry<Integer, Set<Long>> partition : acknowledged.entrySet()) {
            final Map<Long, Integer> read = reads.getOrDefault(partition.getKey(), Map.of());
            missing += partition.getValue().stream().filter(offset -> !read.containsKey(offset)).count();
        }
        return missing;
    }

    /** Reads beyond the first of each record. */
    long duplicateCount() {
        return reads.values().stream().flatMap(m -> m.values().stream()).mapToLong(times -> times - 1L).sum();
    }
}
