package dev.sluice.broker.handler;

import dev.sluice.broker.log.PartitionLog;
import dev.sluice.broker.log.TimestampedOffset;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema.ListOffsetsPartition;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema.ListOffsetsTopic;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema.ListOffsetsPartitionResponse;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema.ListOffsetsTopicResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ListOffsets (key 2), versions 1-8 (Kafka 4 dropped v0's list of old-style offsets).
 *
 * <p>Timestamp -2 answers the log start offset, -1 the log end offset (also for read_committed:
 * no transactions, so the last stable offset is the end), any other timestamp the first offset
 * whose batch's max timestamp is at or after it, or offset -1 when there is none (the log's
 * lookup). The leader epoch is always 0.
 */
public final class ListOffsetsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ListOffsetsHandler.class);
    private static final short LOWEST_VERSION = 1;

    private final BrokerContext broker;

    public ListOffsetsHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.LIST_OFFSETS;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = ListOffsetsResponseSchema.SCHEMA.newStruct()
                .set(ListOffsetsResponseSchema.TOPICS, new ArrayList<>());
        for (final Struct topic : request.body().get(ListOffsetsRequestSchema.TOPICS)) {
            final String name = topic.get(ListOffsetsTopic.NAME);
            final Struct topicResponse = response.add(ListOffsetsResponseSchema.TOPICS)
                    .set(ListOffsetsTopicResponse.NAME, name)
                    .set(ListOffsetsTopicResponse.PARTITIONS, new ArrayList<>());
            for (final Struct partition : topic.get(ListOffsetsTopic.PARTITIONS)) {
                final int index = partition.get(ListOffsetsPartition.PARTITION_INDEX);
                final Struct result = topicResponse.add(ListOffsetsTopicResponse.PARTITIONS)
                        .set(ListOffsetsPartitionResponse.PARTITION_INDEX, index)
                        .set(ListOffsetsPartitionResponse.ERROR_CODE, Errors.NONE.code());
                lookUp(name, index, partition.get(ListOffsetsPartition.TIMESTAMP), result);
            }
        }
        request.respond(response);
    }

    private void lookUp(final String topic, final int partition, final long timestamp, final Struct result) {
        final PartitionLog log = broker.logs().partition(topic, partition);
        if (log == null) {
            result.set(ListOffsetsPartitionResponse.ERROR_CODE, Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
            return;
        }
        try {
            final TimestampedOffset found = log.offsetForTimestamp(timestamp);
            result.set(ListOffsetsPartitionResponse.OFFSET, found.offset())
                    .set(ListOffsetsPartitionResponse.TIMESTAMP, found.timestamp())
                    .set(ListOffsetsPartitionResponse.LEADER_EPOCH, 0);
        } catch (final IOException e) {
            LOG.error("Offset lookup in {}-{} for timestamp {} failed", topic, partition, timestamp, e);
            result.set(ListOffsetsPartitionResponse.ERROR_CODE, Errors.KAFKA_STORAGE_ERROR.code());
        }
    }
}
