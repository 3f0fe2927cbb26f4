package dev.sluice.broker.handler;

import dev.sluice.broker.log.AppendResult;
import dev.sluice.broker.log.LogErrors;
import dev.sluice.broker.log.PartitionLog;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema.PartitionProduceData;
import dev.sluice.codec.protocol.message.ProduceRequestSchema.TopicProduceData;
import dev.sluice.codec.protocol.message.ProduceResponseSchema;
import dev.sluice.codec.protocol.message.ProduceResponseSchema.PartitionProduceResponse;
import dev.sluice.codec.protocol.message.ProduceResponseSchema.TopicProduceResponse;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.RecordBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;

/**
 * Produce (key 0), versions 3-11 (3 is the first with RecordBatch v2, the only format stored).
 *
 * <p>acks must be -1, 0 or 1 (else INVALID_REQUIRED_ACKS on every partition); on a single node
 * -1 and 1 mean the same. Each partition's batches go to its log, which validates them (CRC,
 * sizes, producer sequence) and assigns offsets; its verdict is the partition's result. Unknown
 * topics or partitions get UNKNOWN_TOPIC_OR_PARTITION (Kafka does not auto-create on produce). A
 * zstd batch in a request older than v7 gets UNSUPPORTED_COMPRESSION_TYPE, as zstd came with v7.
 * With acks=0 nothing is answered, and any partition failure closes the connection so that the
 * producer notices, as Kafka does. Appends wake fetches parked on the partition.
 *
 * <p>Runs on the network processor thread: appends go to the page cache (no fsync unless the topic
 * sets flush.messages), measured in the package notes.
 */
public final class ProduceHandler implements ApiHandler {
    private static final short LOWEST_VERSION = 3;
    private static final short FIRST_ZSTD_VERSION = 7;
    private static final int LEADER_EPOCH = 0;
    /** Bits 0-2 of a batch's attributes name its compression codec. */
    private static final int COMPRESSION_CODEC_MASK = 0x07;

    private final BrokerContext broker;

    public ProduceHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.PRODUCE;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct body = request.body();
        final short acks = body.get(ProduceRequestSchema.ACKS);
        final boolean validAcks = acks == -1 || acks == 0 || acks == 1;
        final Struct response = ProduceResponseSchema.SCHEMA.newStruct()
                .set(ProduceResponseSchema.RESPONSES, new ArrayList<>());
        String firstFailure = null;
        for (final Struct topic : body.get(ProduceRequestSchema.TOPIC_DATA)) {
            final String name = topic.get(TopicProduceData.NAME);
            final Struct topicResponse = response.add(ProduceResponseSchema.RESPONSES)
                    .set(TopicProduceResponse.NAME, name)
                    .set(TopicProduceResponse.PARTITION_RESPONSES, new ArrayList<>());
            for (final Struct partition : topic.get(TopicProduceData.PARTITION_DATA)) {
                final int index = partition.get(PartitionProduceData.INDEX);
                final Struct result = topicResponse.add(TopicProduceResponse.PARTITION_RESPONSES)
                        .set(PartitionProduceResponse.INDEX, index)
                        .set(PartitionProduceResponse.BASE_OFFSET, -1L);
                final String failure = validAcks
                        ? append(request.version(), name, index, partition.recordsBuffer(PartitionProduceData.RECORDS),
                                 result)
                        : fail(result, Errors.INVALID_REQUIRED_ACKS, "acks " + acks + " is not -1, 0 or 1");
                if (failure != null && firstFailure == null) {
                    firstFailure = name + "-" + index + ": " + failure;
                }
            }
        }
        if (acks == 0) {
            if (firstFailure == null) {
                request.respondNothing();
            } else {
                request.closeConnection("acks=0 produce failed, closing so the producer notices: " + firstFailure);
            }
            return;
        }
        request.respond(response);
    }

    /** Appends one partition's records, filling {@code result}; returns a failure text or null. */
    private String append(final short version, final String topic, final int partition, final ByteBuffer records,
                          final Struct result) {
        final PartitionLog log = broker.logs().partition(topic, partition);
        if (log == null) {
            return fail(result, Errors.UNKNOWN_TOPIC_OR_PARTITION, "no such topic or partition");
        }
        if (records == null) {
            return fail(result, Errors.CORRUPT_MESSAGE, "Records is null");
        }
        if (version < FIRST_ZSTD_VERSION && containsZstd(records)) {
            return fail(result, Errors.UNSUPPORTED_COMPRESSION_TYPE, "zstd needs Produce v7 or later, got v" + version);
        }
        final AppendResult appended = log.append(records, LEADER_EPOCH);
        result.set(PartitionProduceResponse.ERROR_CODE, appended.errorCode())
                .set(PartitionProduceResponse.LOG_START_OFFSET, appended.logStartOffset());
        if (appended.errorCode() != LogErrors.NONE) {
            result.set(PartitionProduceResponse.ERROR_MESSAGE, appended.errorMessage());
            return appended.errorMessage();
        }
        result.set(PartitionProduceResponse.BASE_OFFSET, appended.baseOffset())
                .set(PartitionProduceResponse.LOG_APPEND_TIME_MS, appended.logAppendTime());
        if (!appended.duplicate()) {
            broker.fetches().onAppend(topic, partition);
        }
        return null;
    }

    /** Whether any whole batch header in {@code records} says zstd; the log checks the rest. */
    private static boolean containsZstd(final ByteBuffer records) {
        final RecordBatch batch = new RecordBatch();
        int at = records.position();
        while (records.limit() - at >= RecordBatch.HEADER_SIZE) {
            batch.wrap(records, at);
            // Read the codec bits directly: an unknown codec id is the log's corruption to report.
            if ((batch.attributes() & COMPRESSION_CODEC_MASK) == CompressionType.ZSTD.id()) {
                return true;
            }
            final int size = batch.sizeInBytes();
            if (size < RecordBatch.HEADER_SIZE) {
                return false;
            }
            at += size;
        }
        return false;
    }

    private static String fail(final Struct result, final Errors error, final String message) {
        result.set(PartitionProduceResponse.ERROR_CODE, error.code())
                .set(PartitionProduceResponse.ERROR_MESSAGE, message);
        return message;
    }
}
