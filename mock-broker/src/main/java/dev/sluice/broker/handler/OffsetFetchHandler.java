package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.OffsetFetchResult;
import dev.sluice.broker.group.TopicPartition;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema.OffsetFetchRequestGroup;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema.OffsetFetchRequestTopic;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema.OffsetFetchRequestTopics;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema.OffsetFetchResponseGroup;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema.OffsetFetchResponsePartition;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema.OffsetFetchResponsePartitions;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema.OffsetFetchResponseTopic;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema.OffsetFetchResponseTopics;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * OffsetFetch (API key 9), versions 0-9. v0-7 ask for one group; v8+ for several at once. A null
 * topic list (v2+) means every partition the group has committed. Partitions without a commit
 * answer offset -1. There are no transactional offsets here, so RequireStable (v7+) never has
 * anything to wait for; the v9 member id / epoch of the new consumer protocol are not checked.
 */
public final class OffsetFetchHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public OffsetFetchHandler(final GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_FETCH;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the OffsetFetchResponse body */
    public Struct handle(final Struct request, final short version) {
        final Struct response = setIfPresent(OffsetFetchResponseSchema.SCHEMA.newStruct(),
                OffsetFetchResponseSchema.THROTTLE_TIME_MS, 0, version);
        if (version >= 8) {
            response.set(OffsetFetchResponseSchema.GROUPS, new ArrayList<>());
            for (final Struct group : request.get(OffsetFetchRequestSchema.GROUPS)) {
                final String groupId = group.get(OffsetFetchRequestGroup.GROUP_ID);
                final List<Struct> topics = group.get(OffsetFetchRequestGroup.TOPICS);
                List<TopicPartition> partitions = null;
                if (topics != null) {
                    partitions = new ArrayList<>();
                    for (final Struct topic : topics) {
                        for (final int partition : topic.get(OffsetFetchRequestTopics.PARTITION_INDEXES)) {
                            partitions.add(new TopicPartition(topic.get(OffsetFetchRequestTopics.NAME), partition));
                        }
                    }
                }
                final OffsetFetchResult result = coordinator.fetchOffsets(groupId, partitions);
                final Struct out = response.add(OffsetFetchResponseSchema.GROUPS)
                        .set(OffsetFetchResponseGroup.GROUP_ID, groupId)
                        .set(OffsetFetchResponseGroup.ERROR_CODE, result.error().code())
                        .set(OffsetFetchResponseGroup.TOPICS, new ArrayList<>());
                Struct topic = null;
                for (final OffsetFetchResult.PartitionOffset offset : result.partitions()) {
                    if (topic == null || !offset.partition().topic().equals(topic.get(OffsetFetchResponseTopics.NAME))) {
                        topic = out.add(OffsetFetchResponseGroup.TOPICS)
                                .set(OffsetFetchResponseTopics.NAME, offset.partition().topic())
                                .set(OffsetFetchResponseTopics.PARTITIONS, new ArrayList<>());
                    }
                    topic.add(OffsetFetchResponseTopics.PARTITIONS)
                            .set(OffsetFetchResponsePartitions.PARTITION_INDEX, offset.partition().partition())
                            .set(OffsetFetchResponsePartitions.COMMITTED_OFFSET, offset.offset())
                            .set(OffsetFetchResponsePartitions.COMMITTED_LEADER_EPOCH, offset.leaderEpoch())
                            .set(OffsetFetchResponsePartitions.METADATA, offset.metadata())
                            .set(OffsetFetchResponsePartitions.ERROR_CODE, offset.error().code());
                }
            }
            return response;
        }
        final List<Struct> topics = request.get(OffsetFetchRequestSchema.TOPICS);
        List<TopicPartition> partitions = null;
        if (topics != null) {
            partitions = new ArrayList<>();
            for (final Struct topic : topics) {
                for (final int partition : topic.get(OffsetFetchRequestTopic.PARTITION_INDEXES)) {
                    partitions.add(new TopicPartition(topic.get(OffsetFetchRequestTopic.NAME), partition));
                }
            }
        }
        final OffsetFetchResult result = coordinator.fetchOffsets(request.get(OffsetFetchRequestSchema.GROUP_ID), partitions);
        setIfPresent(response, OffsetFetchResponseSchema.ERROR_CODE, result.error().code(), version)
                .set(OffsetFetchResponseSchema.TOPICS, new ArrayList<>());
        Struct topic = null;
        for (final OffsetFetchResult.PartitionOffset offset : result.partitions()) {
            if (topic == null || !offset.partition().topic().equals(topic.get(OffsetFetchResponseTopic.NAME))) {
                topic = response.add(OffsetFetchResponseSchema.TOPICS)
                        .set(OffsetFetchResponseTopic.NAME, offset.partition().topic())
                        .set(OffsetFetchResponseTopic.PARTITIONS, new ArrayList<>());
            }
            final Struct partition = topic.add(OffsetFetchResponseTopic.PARTITIONS)
                    .set(OffsetFetchResponsePartition.PARTITION_INDEX, offset.partition().partition())
                    .set(OffsetFetchResponsePartition.COMMITTED_OFFSET, offset.offset())
                    .set(OffsetFetchResponsePartition.METADATA, offset.metadata())
                    .set(OffsetFetchResponsePartition.ERROR_CODE, offset.error().code());
            setIfPresent(partition, OffsetFetchResponsePartition.COMMITTED_LEADER_EPOCH, offset.leaderEpoch(), version);
        }
        return response;
    }
}
