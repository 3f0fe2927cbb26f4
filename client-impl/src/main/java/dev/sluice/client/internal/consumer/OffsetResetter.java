package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.OffsetResetStrategy;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.network.ClientResponse;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Looks up positions with ListOffsets for partitions whose reset is pending: the log start offset for
 * {@code earliest}, the high watermark (last stable offset under read_committed) for {@code latest}.
 *
 * <p>At most one lookup per partition is in flight; a failed one is retried after
 * {@code retry.backoff.ms}, with a metadata refresh in case the leader moved. Application thread only.
 */
public final class OffsetResetter {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetResetter.class);
    /** ListOffsets timestamps with special meaning. */
    static final long EARLIEST_TIMESTAMP = -2L;
    static final long LATEST_TIMESTAMP = -1L;

    private final NetworkClient client;
    private final Metadata metadata;
    private final SubscriptionState subscriptions;
    private final byte isolationLevel;
    private final long retryBackoffMs;
    private final Map<TopicPartition, Long> inFlightOrBackoffUntil = new HashMap<>();

    public OffsetResetter(final NetworkClient client, final Metadata metadata, final SubscriptionState subscriptions,
                          final byte isolationLevel, final long retryBackoffMs) {
        this.client = client;
        this.metadata = metadata;
        this.subscriptions = subscriptions;
        this.isolationLevel = isolationLevel;
        this.retryBackoffMs = retryBackoffMs;
    }

    /** Sends ListOffsets for pending resets whose leader is ready and which are not already being looked up. */
    public void sendLookups(final long nowMs) {
        final Map<Integer, Map<TopicPartition, OffsetResetStrategy>> byNode = new LinkedHashMap<>();
        for (final Map.Entry<TopicPartition, OffsetResetStrategy> e : subscriptions.pendingResets().entrySet()) {
            final TopicPartition tp = e.getKey();
            final Long blockedUntil = inFlightOrBackoffUntil.get(tp);
            if (blockedUntil != null && blockedUntil > nowMs) {
                continue;
            }
            final BrokerNode leader = metadata.cluster().leaderFor(tp);
            if (leader == null) {
                metadata.requestUpdate();
                continue;
            }
            byNode.computeIfAbsent(leader.id(), id -> new LinkedHashMap<>()).put(tp, e.getValue());
        }
        for (final Map.Entry<Integer, Map<TopicPartition, OffsetResetStrategy>> e : byNode.entrySet()) {
            final int node = e.getKey();
            if (!client.ready(node, nowMs)) {
                continue;
            }
            final Map<TopicPartition, OffsetResetStrategy> wanted = e.getValue();
            wanted.keySet().forEach(tp -> inFlightOrBackoffUntil.put(tp, Long.MAX_VALUE));
            client.send(node, ApiKeys.LIST_OFFSETS, request(wanted), true, response -> onResponse(wanted, response),
                nowMs);
        }
    }

    private Struct request(final Map<TopicPartition, OffsetResetStrategy> wanted) {
        final Struct request = ApiKeys.LIST_OFFSETS.requestSchema().newStruct()
            .set(ListOffsetsRequestSchema.REPLICA_ID, -1)
            .set(ListOffsetsRequestSchema.ISOLATION_LEVEL, isolationLevel)
            .set(ListOffsetsRequestSchema.TOPICS, new ArrayList<>());
        final Map<String, Struct> topics = new HashMap<>();
        wanted.forEach((tp, strategy) -> topics.computeIfAbsent(tp.topic(), name -> request
                .add(ListOffsetsRequestSchema.TOPICS)
                .set(ListOffsetsRequestSchema.ListOffsetsTopic.NAME, name)
                .set(ListOffsetsRequestSchema.ListOffsetsTopic.PARTITIONS, new ArrayList<>()))
            .add(ListOffsetsRequestSchema.ListOffsetsTopic.PARTITIONS)
            .set(ListOffsetsRequestSchema.ListOffsetsPartition.PARTITION_INDEX, tp.partition())
            .set(ListOffsetsRequestSchema.ListOffsetsPartition.TIMESTAMP,
                strategy == OffsetResetStrategy.EARLIEST ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP));
        return request;
    }

    private void onResponse(final Map<TopicPartition, OffsetResetStrategy> wanted, final ClientResponse response) {
        final long retryAt = response.completedMs() + retryBackoffMs;
        if (response.failed()) {
            LOG.debug("ListOffsets failed: {}", response.failure().toString());
            wanted.keySet().forEach(tp -> inFlightOrBackoffUntil.put(tp, retryAt));
            metadata.requestUpdate();
            return;
        }
        final Map<TopicPartition, OffsetResetStrategy> unanswered = new HashMap<>(wanted);
        for (final Struct topic : response.body().get(ListOffsetsResponseSchema.TOPICS)) {
            final String name = topic.get(ListOffsetsResponseSchema.ListOffsetsTopicResponse.NAME);
            for (final Struct p : topic.get(ListOffsetsResponseSchema.ListOffsetsTopicResponse.PARTITIONS)) {
                final TopicPartition tp = new TopicPartition(name,
                    p.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.PARTITION_INDEX));
                final OffsetResetStrategy strategy = unanswered.remove(tp);
                if (strategy == null) {
                    continue;
                }
                final short error = p.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.ERROR_CODE);
                final long offset = offsetOf(p, response.version());
                if (error == Errors.NONE.code() && offset >= 0) {
                    inFlightOrBackoffUntil.remove(tp);
                    subscriptions.completeReset(tp, strategy, offset);
                    LOG.debug("Position of {} reset to {} ({})", tp, offset, strategy.configName());
                } else {
                    LOG.debug("ListOffsets for {} failed with {}", tp, Errors.forCode(error));
                    inFlightOrBackoffUntil.put(tp, retryAt);
                    metadata.requestUpdate();
                }
            }
        }
        unanswered.keySet().forEach(tp -> inFlightOrBackoffUntil.put(tp, retryAt));
    }

    private static long offsetOf(final Struct partition, final short version) {
        if (version == 0) {
            final java.util.List<Long> offsets =
                partition.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OLD_STYLE_OFFSETS);
            return offsets == null || offsets.isEmpty() ? -1 : offsets.get(0);
        }
        return partition.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OFFSET);
    }
}
