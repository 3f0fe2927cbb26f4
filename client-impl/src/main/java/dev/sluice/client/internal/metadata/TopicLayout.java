package dev.sluice.client.internal.metadata;

import dev.sluice.client.TopicPartition;

import java.util.List;

/**
 * One topic's partitions as a {@link ClusterView} snapshot knows them, in the shape the producer's
 * {@code send} needs: the partition count, the partitions that have a leader, and one shared
 * {@link TopicPartition} per partition number. It exists so that a {@code send} does a single map
 * lookup per record for all three, and allocates no {@code TopicPartition}.
 *
 * <p>Immutable and safe to share between threads, like the snapshot it came from.
 */
public final class TopicLayout {
    private final TopicPartition[] partitions;
    private final List<Integer> available;

    /**
     * @param partitions every partition of the topic, indexed by partition number (the array is
     *                   kept, not copied: the caller hands it over)
     * @param available  partition numbers with a known leader, immutable
     */
    TopicLayout(final TopicPartition[] partitions, final List<Integer> available) {
        this.partitions = partitions;
        this.available = available;
    }

    /** Number of partitions; at least 1 (a topic without partitions has no layout). */
    public int partitionCount() {
        return partitions.length;
    }

    /** Partition numbers that currently have a known leader (may be empty), immutable. */
    public List<Integer> availablePartitions() {
        return available;
    }

    /**
     * The shared {@code TopicPartition} for {@code partition}.
     *
     * @throws IndexOutOfBoundsException if {@code partition} is not in {@code [0, partitionCount())}
     */
    public TopicPartition partition(final int partition) {
        return partitions[partition];
    }
}
