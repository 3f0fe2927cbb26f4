package dev.sluice.client.producer;

import dev.sluice.client.PartitionInfo;

import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * Chooses the partition for records that do not name one, when configured with
 * {@code partitioner.class}. Without it the producer hashes keys (murmur2, like kafka-clients, so
 * the same key maps to the same partition from either client) and spreads keyless records in sticky batches.
 * Called on the thread calling {@code send}; must be thread safe.
 */
public interface Partitioner extends Closeable {
    /** Called once with the producer's original properties before first use. */
    default void configure(final Map<String, ?> configs) {
    }

    /**
     * @param keyBytes the serialized key, or {@code null}
     * @param valueBytes the serialized value, or {@code null}
     * @param partitions every partition of the topic as metadata knows it, in partition order; not empty
     * @return a partition number in {@code [0, partitions.size())}
     */
    int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                  List<PartitionInfo> partitions);

    @Override
    default void close() {
    }
}
