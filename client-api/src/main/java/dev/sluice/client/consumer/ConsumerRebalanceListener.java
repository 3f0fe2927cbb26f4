package dev.sluice.client.consumer;

import dev.sluice.client.TopicPartition;

import java.util.Collection;

/**
 * Told when the group changes this consumer's partitions. Called only from inside {@code poll} (or
 * {@code close}/{@code unsubscribe}) on the consumer's thread, so the consumer may be used from here,
 * e.g. to commit offsets of revoked partitions.
 */
public interface ConsumerRebalanceListener {
    /**
     * Partitions are about to be taken away in an orderly rebalance; commit their offsets now to
     * avoid duplicates. With a cooperative assignor this lists only the partitions that move, and may be empty.
     */
    void onPartitionsRevoked(Collection<TopicPartition> partitions);

    /** Partitions newly given to this consumer (with a cooperative assignor: only the added ones). */
    void onPartitionsAssigned(Collection<TopicPartition> partitions);

    /**
     * Partitions were lost without an orderly handover (e.g. the session timed out), so other members may
     * already own them: committing their offsets would fail. Defaults to {@link #onPartitionsRevoked}.
     */
    default void onPartitionsLost(final Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }
}
