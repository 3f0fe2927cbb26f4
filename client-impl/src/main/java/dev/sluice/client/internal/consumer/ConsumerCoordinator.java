package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.OffsetAndMetadata;
import dev.sluice.client.consumer.OffsetCommitCallback;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.internal.util.Time;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Group membership and offset commits (work in progress). */
public final class ConsumerCoordinator {
    public ConsumerCoordinator(final ConsumerConfig config, final String clientId, final NetworkClient client,
                               final Metadata metadata, final SubscriptionState subscriptions, final Time time) {
    }

    public boolean hasSubscription() {
        return false;
    }

    public void subscribe(final Set<String> topics, final ConsumerRebalanceListener listener) {
        throw new UnsupportedOperationException("group membership is not implemented yet");
    }

    public Set<String> subscription() {
        return Set.of();
    }

    public void unsubscribe(final long nowMs) {
    }

    public void poll(final long nowMs, final long deadlineMs) {
    }

    public <K, V> void recordsReturned(final Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
    }

    public boolean refreshCommittedOffsets(final long nowMs) {
        return true;
    }

    public Map<TopicPartition, OffsetAndMetadata> fetchCommitted(final Set<TopicPartition> partitions,
                                                                 final long deadlineMs, final Runnable wakeupCheck) {
        throw new UnsupportedOperationException("offset fetch is not implemented yet");
    }

    public Map<TopicPartition, OffsetAndMetadata> consumedOffsets() {
        return Map.of();
    }

    public void commitSync(final Map<TopicPartition, OffsetAndMetadata> offsets, final long deadlineMs,
                           final Runnable wakeupCheck) {
        throw new UnsupportedOperationException("offset commit is not implemented yet");
    }

    public void commitAsync(final Map<TopicPartition, OffsetAndMetadata> offsets, final OffsetCommitCallback callback,
                            final long nowMs) {
        throw new UnsupportedOperationException("offset commit is not implemented yet");
    }

    public void close(final long deadlineMs) {
    }
}
