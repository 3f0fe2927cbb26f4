package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupError;
import dev.sluice.broker.group.OffsetCommitParams;
import dev.sluice.broker.group.TopicPartition;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema.OffsetCommitRequestPartition;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema.OffsetCommitRequestTopic;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema.OffsetCommitResponsePartition;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema.OffsetCommitResponseTopic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.sluice.broker.handler.VersionedFields.setIfPresent;

/**
 * OffsetCommit (API key 8), versions 0-9.
 *
 * <p>Members of a group commit with their generation (v1+) and member id; consumers that use
 * {@code assign()} commit with generation -1 and no member id, which only a group without members
 * accepts. Retention time (v2-4) and the v1 commit timestamp are ignored: offsets are kept until
 * overwritten. Commits for partitions that do not exist get UNKNOWN_TOPIC_OR_PARTITION and are not
 * stored; metadata over {@code offset.metadata.max.bytes} gets OFFSET_METADATA_TOO_LARGE.
 * Everything else is written to the offsets file (page cache) before the response is built.
 */
public final class OffsetCommitHandler implements ApiHandler {

    private final GroupCoordinator coordinator;
    private final Predicate<TopicPartition> partitionExists;

    /** @param partitionExists whether the broker hosts a partition; called on the request thread */
    public OffsetCommitHandler(final GroupCoordinator coordinator, final Predicate<TopicPartition> partitionExists) {
        this.coordinator = coordinator;
        this.partitionExists = partitionExists;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(handle(request.body(), request.version()));
    }

    /** @return the OffsetCommitResponse body, partitions in request order */
    public Struct handle(final Struct request, final short version) {
        final List<OffsetCommitParams.Entry> entries = new ArrayList<>();
        final Map<TopicPartition, GroupError> unknown = new LinkedHashMap<>();
        final List<TopicPartition> order = new ArrayList<>();
        for (final Struct topic : request.get(OffsetCommitRequestSchema.TOPICS)) {
            final String name = topic.get(OffsetCommitRequestTopic.NAME);
            for (final Struct partition : topic.get(OffsetCommitRequestTopic.PARTITIONS)) {
                final TopicPartition tp = new TopicPartition(name, partition.get(OffsetCommitRequestPartition.PARTITION_INDEX));
                order.add(tp);
                if (!partitionExists.test(tp)) {
                    unknown.put(tp, GroupError.UNKNOWN_TOPIC_OR_PARTITION);
                    continue;
                }
                entries.add(new OffsetCommitParams.Entry(tp,
                        partition.get(OffsetCommitRequestPartition.COMMITTED_OFFSET),
                        version >= 6 ? partition.get(OffsetCommitRequestPartition.COMMITTED_LEADER_EPOCH) : -1,
                        partition.get(OffsetCommitRequestPartition.COMMITTED_METADATA)));
            }
        }
        final Map<TopicPartition, GroupError> errors = new LinkedHashMap<>(unknown);
        final OffsetCommitParams params = new OffsetCommitParams(
                request.get(OffsetCommitRequestSchema.GROUP_ID),
                version >= 1 ? request.get(OffsetCommitRequestSchema.GENERATION_ID_OR_MEMBER_EPOCH) : -1,
                version >= 1 ? request.get(OffsetCommitRequestSchema.MEMBER_ID) : "",
                version >= 7 ? request.get(OffsetCommitRequestSchema.GROUP_INSTANCE_ID) : null,
                entries);
        for (final OffsetCommitParams.Result result : coordinator.commitOffsets(params)) {
            errors.put(result.partition(), result.error());
        }
        return response(order, errors, version);
    }

    private static Struct response(final List<TopicPartition> order, final Map<TopicPartition, GroupError> errors,
                                   final short version) {
        final Struct response = OffsetCommitResponseSchema.SCHEMA.newStruct()
                .set(OffsetCommitResponseSchema.TOPICS, new ArrayList<>());
        setIfPresent(response, OffsetCommitResponseSchema.THROTTLE_TIME_MS, 0, version);
        Struct topic = null;
        String topicName = null;
        for (final TopicPartition tp : order) {
            if (topic == null || !tp.topic().equals(topicName)) {
                topicName = tp.topic();
                topic = response.add(OffsetCommitResponseSchema.TOPICS)
                        .set(OffsetCommitResponseTopic.NAME, topicName)
                        .set(OffsetCommitResponseTopic.PARTITIONS, new ArrayList<>());
            }
            topic.add(OffsetCommitResponseTopic.PARTITIONS)
                    .set(OffsetCommitResponsePartition.PARTITION_INDEX, tp.partition())
                    .set(OffsetCommitResponsePartition.ERROR_CODE, errors.get(tp).code());
        }
        return response;
    }
}
