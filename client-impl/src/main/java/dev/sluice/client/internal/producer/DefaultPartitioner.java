package dev.sluice.client.internal.producer;

import dev.sluice.client.internal.util.Murmur2;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses partitions the way Kafka's built-in partitioner does.
 *
 * <p>Keyed records (unless {@code partitioner.ignore.keys}): {@code toPositive(murmur2(key)) %
 * numPartitions}, over all partitions whether or not they have a leader right now, so that a key
 * always maps to the same partition. Unkeyed records: uniform sticky, i.e. every record of a topic
 * goes to one partition until about {@code batch.size} bytes went there, then a new partition is
 * picked at random among those with a leader (all partitions if none has one). Sticking fills
 * batches, which is what makes unkeyed producing cheap.
 *
 * <p>Thread-safe: application threads call {@link #partition}; the per-topic sticky state is
 * updated with compare-and-set so racing threads agree on one switch.
 */
public final class DefaultPartitioner {
    private final boolean ignoreKeys;
    private final int stickyBatchSize;
    private final ConcurrentMap<String, StickyState> sticky = new ConcurrentHashMap<>();

    /**
     * @param ignoreKeys      {@code partitioner.ignore.keys}
     * @param stickyBatchSize bytes to send to one partition before moving on ({@code batch.size})
     */
    public DefaultPartitioner(final boolean ignoreKeys, final int stickyBatchSize) {
        this.ignoreKeys = ignoreKeys;
        this.stickyBatchSize = Math.max(1, stickyBatchSize);
    }

    /** The partition Kafka's default partitioner gives {@code keyBytes} among {@code numPartitions}. */
    public static int partitionForKey(final byte[] keyBytes, final int numPartitions) {
        return Murmur2.toPositive(Murmur2.hash(keyBytes)) % numPartitions;
    }

    /**
     * @param topic               the record's topic
     * @param keyBytes            the serialized key, or null
     * @param numPartitions       partitions the topic has (must be positive)
     * @param availablePartitions partitions that currently have a leader (may be empty)
     * @param recordSizeBytes     approximate serialized size of the record, counted toward the
     *                            sticky partition's quota
     */
    public int partition(final String topic, final byte[] keyBytes, final int numPartitions,
                         final List<Integer> availablePartitions, final int recordSizeBytes) {
        if (numPartitions <= 0) {
            throw new IllegalArgumentException("Topic " + topic + " has no partitions");
        }
        if (keyBytes != null && !ignoreKeys) {
            return partitionForKey(keyBytes, numPartitions);
        }
        final StickyState state = sticky.computeIfAbsent(topic, t -> new StickyState());
        while (true) {
            final Sticky current = state.current;
            if (current != null && current.partition < numPartitions
                && current.bytes.addAndGet(recordSizeBytes) <= stickyBatchSize + recordSizeBytes) {
                return current.partition;
            }
            final Sticky next = new Sticky(pickPartition(numPartitions, availablePartitions,
                current == null ? -1 : current.partition));
            if (state.compareAndSet(current, next)) {
                next.bytes.addAndGet(recordSizeBytes);
                return next.partition;
            }
        }
    }

    private static int pickPartition(final int numPartitions, final List<Integer> available, final int previous) {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        if (available.isEmpty()) {
            return random.nextInt(numPartitions);
        }
        if (available.size() == 1) {
            return available.get(0);
        }
        int pick;
        do {
            pick = available.get(random.nextInt(available.size()));
        } while (pick == previous);
        return pick;
    }

    private static final class Sticky {
        final int partition;
        final AtomicLong bytes = new AtomicLong();

        Sticky(final int partition) {
            this.partition = partition;
        }
    }

    private static final class StickyState {
        volatile Sticky current;

        synchronized boolean compareAndSet(final Sticky expected, final Sticky next) {
            if (current != expected) {
                return false;
            }
            current = next;
            return true;
        }
    }
}
