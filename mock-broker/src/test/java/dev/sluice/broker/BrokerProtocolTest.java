package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ByteBufferRecords;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorRequestSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorResponseSchema;
import dev.sluice.codec.protocol.message.InitProducerIdRequestSchema;
import dev.sluice.codec.protocol.message.InitProducerIdResponseSchema;
import dev.sluice.codec.protocol.message.ListOffsetsRequestSchema;
import dev.sluice.codec.protocol.message.ListOffsetsResponseSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import dev.sluice.codec.protocol.message.ProduceResponseSchema;
import dev.sluice.codec.protocol.message.SaslHandshakeRequestSchema;
import dev.sluice.codec.protocol.message.SaslHandshakeResponseSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Handler behaviour at the protocol level, with requests written by our codec and record batches
 * built by kafka-clients: error codes, long-poll fetches, acks=0, coordinator lookup, producer ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerProtocolTest {
    private static final short PRODUCE_V9 = 9;
    private static final short FETCH_V12 = 12;

    private MockBroker broker;

    @BeforeAll
    void start() throws IOException {
        broker = MockBroker.builder().config("auto.create.topics.enable", "false").build().start();
        try (RawClient client = new RawClient(broker)) {
            final Struct create = CreateTopicsRequestSchema.SCHEMA.newStruct()
                    .set(CreateTopicsRequestSchema.TOPICS, new ArrayList<>());
            for (final String topic : List.of("parked", "errors", "offsets", "acks0", "empty", "limits")) {
                create.add(CreateTopicsRequestSchema.TOPICS)
                        .set(CreateTopicsRequestSchema.CreatableTopic.NAME, topic)
                        .set(CreateTopicsRequestSchema.CreatableTopic.NUM_PARTITIONS, 1)
                        .set(CreateTopicsRequestSchema.CreatableTopic.REPLICATION_FACTOR, (short) 1);
            }
            client.call(ApiKeys.CREATE_TOPICS, (short) 7, create);
        }
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    @Test
    void shouldParkFetchUntilAnAppendBringsRecords() throws IOException {
        try (RawClient consumer = new RawClient(broker); RawClient producer = new RawClient(broker)) {
            // Waits up to 60 s; the socket times out after 20 s, so only the append can answer it in time.
            final int fetchId = consumer.send(ApiKeys.FETCH, FETCH_V12, fetch("parked", 0L, 60_000, 1));
            final Struct produced = producer.call(ApiKeys.PRODUCE, PRODUCE_V9,
                    produce("parked", (short) -1, batch(Compression.NONE, "woken")));
            assertEquals(Errors.NONE.code(), partitionOf(produced).get(
                    ProduceResponseSchema.PartitionProduceResponse.ERROR_CODE));
            final Struct data = fetchedPartition(consumer.receive(ApiKeys.FETCH, FETCH_V12, fetchId));
            assertEquals(Errors.NONE.code(), data.get(FetchResponseSchema.PartitionData.ERROR_CODE));
            assertEquals(1L, data.get(FetchResponseSchema.PartitionData.HIGH_WATERMARK));
            assertTrue(data.recordsBuffer(FetchResponseSchema.PartitionData.RECORDS).remaining() > 0);
        }
    }

    @Test
    void shouldReturnAtLeastOneWholeBatchEvenWhenLargerThanMaxBytes() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            final ByteBuffer first = batch(Compression.NONE, "x".repeat(2_000));
            final int firstBatchBytes = first.remaining();
            client.call(ApiKeys.PRODUCE, PRODUCE_V9, produce("limits", (short) 1, first));
            client.call(ApiKeys.PRODUCE, PRODUCE_V9, produce("limits", (short) 1, batch(Compression.NONE, "second")));
            final Struct small = fetch("limits", 0L, 0, 1).set(FetchRequestSchema.MAX_BYTES, 100);
            final Struct data = fetchedPartition(client.call(ApiKeys.FETCH, FETCH_V12, small));
            // KIP-74: one whole batch so the consumer makes progress, and nothing after it.
            assertEquals(firstBatchBytes, data.recordsBuffer(FetchResponseSchema.PartitionData.RECORDS).remaining());
            assertEquals(2L, data.get(FetchResponseSchema.PartitionData.HIGH_WATERMARK));
        }
    }

    @Test
    void shouldAnswerEmptyFetchWhenMaxWaitPasses() throws IOException {
        try (RawClient consumer = new RawClient(broker)) {
            final Struct data = fetchedPartition(consumer.call(ApiKeys.FETCH, FETCH_V12, fetch("empty", 0L, 50, 1)));
            assertEquals(Errors.NONE.code(), data.get(FetchResponseSchema.PartitionData.ERROR_CODE));
            assertEquals(0, data.recordsBuffer(FetchResponseSchema.PartitionData.RECORDS).remaining());
        }
    }

    @Test
    void shouldAnswerOffsetOutOfRangeAndUnknownTopicOnFetch() throws IOException {
        try (RawClient consumer = new RawClient(broker)) {
            assertEquals(Errors.OFFSET_OUT_OF_RANGE.code(), fetchedPartition(consumer.call(ApiKeys.FETCH, FETCH_V12,
                    fetch("offsets", 1_000L, 0, 1))).get(FetchResponseSchema.PartitionData.ERROR_CODE));
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), fetchedPartition(consumer.call(ApiKeys.FETCH,
                    FETCH_V12, fetch("missing", 0L, 0, 1))).get(FetchResponseSchema.PartitionData.ERROR_CODE));
        }
    }

    @Test
    void shouldRejectBadAcksUnknownTopicAndZstdBeforeProduceV7() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            assertEquals(Errors.INVALID_REQUIRED_ACKS.code(), produceError(client, PRODUCE_V9,
                    produce("errors", (short) 2, batch(Compression.NONE, "x"))));
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), produceError(client, PRODUCE_V9,
                    produce("missing", (short) 1, batch(Compression.NONE, "x"))));
            assertEquals(Errors.UNSUPPORTED_COMPRESSION_TYPE.code(), produceError(client, (short) 6,
                    produce("errors", (short) 1, batch(Compression.zstd().build(), "x"))));
            assertEquals(Errors.NONE.code(), produceError(client, (short) 7,
                    produce("errors", (short) 1, batch(Compression.zstd().build(), "x"))));
        }
    }

    @Test
    void shouldSendNoResponseForAcksZeroAndCloseOnFailure() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            client.send(ApiKeys.PRODUCE, PRODUCE_V9, produce("acks0", (short) 0, batch(Compression.NONE, "quiet")));
            // The next answer on the connection is for the request after it.
            final Struct offsets = client.call(ApiKeys.LIST_OFFSETS, (short) 7, listOffsets("acks0", -1L));
            assertEquals(1L, listedPartition(offsets).get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OFFSET));
            client.send(ApiKeys.PRODUCE, PRODUCE_V9, produce("missing", (short) 0, batch(Compression.NONE, "lost")));
            assertTrue(client.closedByBroker());
        }
    }

    @Test
    void shouldListEarliestLatestAndByTimestampOffsets() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            final long base = 1_700_000_000_000L;
            for (int i = 0; i < 3; i++) {
                client.call(ApiKeys.PRODUCE, PRODUCE_V9, produce("offsets", (short) 1,
                        batchAt(base + i * 1000L, "r" + i)));
            }
            final long earliest = listedPartition(client.call(ApiKeys.LIST_OFFSETS, (short) 7, listOffsets("offsets", -2L)))
                    .get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OFFSET);
            final long latest = listedPartition(client.call(ApiKeys.LIST_OFFSETS, (short) 7, listOffsets("offsets", -1L)))
                    .get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OFFSET);
            final Struct byTime = listedPartition(client.call(ApiKeys.LIST_OFFSETS, (short) 7,
                    listOffsets("offsets", base + 1500L)));
            assertEquals(0L, earliest);
            assertEquals(3L, latest);
            assertEquals(2L, byTime.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.OFFSET));
            assertEquals(base + 2000L, byTime.get(ListOffsetsResponseSchema.ListOffsetsPartitionResponse.TIMESTAMP));
        }
    }

    @Test
    void shouldFindThisNodeForBatchedAndSingleCoordinatorKeys() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            final Struct batched = client.call(ApiKeys.FIND_COORDINATOR, (short) 4,
                    FindCoordinatorRequestSchema.SCHEMA.newStruct()
                            .set(FindCoordinatorRequestSchema.COORDINATOR_KEYS, List.of("g1", "g2")));
            final List<Struct> coordinators = batched.get(FindCoordinatorResponseSchema.COORDINATORS);
            assertEquals(List.of("g1", "g2"), coordinators.stream()
                    .map(c -> c.get(FindCoordinatorResponseSchema.Coordinator.KEY)).toList());
            assertEquals(broker.port(), coordinators.get(1).get(FindCoordinatorResponseSchema.Coordinator.PORT));
            final Struct single = client.call(ApiKeys.FIND_COORDINATOR, (short) 3,
                    FindCoordinatorRequestSchema.SCHEMA.newStruct().set(FindCoordinatorRequestSchema.KEY, "g"));
            assertEquals(broker.port(), single.get(FindCoordinatorResponseSchema.PORT));
        }
    }

    @Test
    void shouldAllocateProducerIdsAndBumpEpochs() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            final Struct first = client.call(ApiKeys.INIT_PRODUCER_ID, (short) 4, InitProducerIdRequestSchema.SCHEMA
                    .newStruct().set(InitProducerIdRequestSchema.TRANSACTIONAL_ID, null)
                    .set(InitProducerIdRequestSchema.TRANSACTION_TIMEOUT_MS, 60_000));
            final Struct second = client.call(ApiKeys.INIT_PRODUCER_ID, (short) 4, InitProducerIdRequestSchema.SCHEMA
                    .newStruct().set(InitProducerIdRequestSchema.TRANSACTIONAL_ID, null)
                    .set(InitProducerIdRequestSchema.TRANSACTION_TIMEOUT_MS, 60_000));
            final long id = first.get(InitProducerIdResponseSchema.PRODUCER_ID);
            assertTrue(second.get(InitProducerIdResponseSchema.PRODUCER_ID) > id);
            final Struct bumped = client.call(ApiKeys.INIT_PRODUCER_ID, (short) 4, InitProducerIdRequestSchema.SCHEMA
                    .newStruct().set(InitProducerIdRequestSchema.TRANSACTIONAL_ID, null)
                    .set(InitProducerIdRequestSchema.TRANSACTION_TIMEOUT_MS, 60_000)
                    .set(InitProducerIdRequestSchema.PRODUCER_ID, id)
                    .set(InitProducerIdRequestSchema.PRODUCER_EPOCH, (short) 0));
            assertEquals(id, bumped.get(InitProducerIdResponseSchema.PRODUCER_ID));
            assertEquals((short) 1, bumped.get(InitProducerIdResponseSchema.PRODUCER_EPOCH));
        }
    }

    @Test
    void shouldRefuseEverySaslMechanism() throws IOException {
        try (RawClient client = new RawClient(broker)) {
            final Struct response = client.call(ApiKeys.SASL_HANDSHAKE, (short) 1,
                    SaslHandshakeRequestSchema.SCHEMA.newStruct().set(SaslHandshakeRequestSchema.MECHANISM, "PLAIN"));
            assertEquals(Errors.UNSUPPORTED_SASL_MECHANISM.code(), response.get(SaslHandshakeResponseSchema.ERROR_CODE));
            assertEquals(List.of(), response.get(SaslHandshakeResponseSchema.MECHANISMS));
        }
    }

    private static ByteBuffer batch(final Compression compression, final String value) {
        return MemoryRecords.withRecords(compression, new SimpleRecord(value.getBytes(StandardCharsets.UTF_8))).buffer();
    }

    private static ByteBuffer batchAt(final long timestamp, final String value) {
        return MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord(timestamp, value.getBytes(StandardCharsets.UTF_8))).buffer();
    }

    private static Struct produce(final String topic, final short acks, final ByteBuffer records) {
        final Struct request = ProduceRequestSchema.SCHEMA.newStruct()
                .set(ProduceRequestSchema.ACKS, acks)
                .set(ProduceRequestSchema.TIMEOUT_MS, 30_000)
                .set(ProduceRequestSchema.TOPIC_DATA, new ArrayList<>());
        request.add(ProduceRequestSchema.TOPIC_DATA)
                .set(ProduceRequestSchema.TopicProduceData.NAME, topic)
                .set(ProduceRequestSchema.TopicProduceData.PARTITION_DATA, new ArrayList<>())
                .add(ProduceRequestSchema.TopicProduceData.PARTITION_DATA)
                .set(ProduceRequestSchema.PartitionProduceData.INDEX, 0)
                .set(ProduceRequestSchema.PartitionProduceData.RECORDS, ByteBufferRecords.wrap(records));
        return request;
    }

    private static short produceError(final RawClient client, final short version, final Struct request)
            throws IOException {
        return partitionOf(client.call(ApiKeys.PRODUCE, version, request))
                .get(ProduceResponseSchema.PartitionProduceResponse.ERROR_CODE);
    }

    private static Struct partitionOf(final Struct produceResponse) {
        return produceResponse.get(ProduceResponseSchema.RESPONSES).get(0)
                .get(ProduceResponseSchema.TopicProduceResponse.PARTITION_RESPONSES).get(0);
    }

    /** A v12 Fetch of partition 0 of {@code topic}; also used by other protocol-level tests. */
    static Struct fetch(final String topic, final long offset, final int maxWaitMs, final int minBytes) {
        final Struct request = FetchRequestSchema.SCHEMA.newStruct()
                .set(FetchRequestSchema.MAX_WAIT_MS, maxWaitMs)
                .set(FetchRequestSchema.MIN_BYTES, minBytes)
                .set(FetchRequestSchema.MAX_BYTES, 1 << 20)
                .set(FetchRequestSchema.TOPICS, new ArrayList<>())
                .set(FetchRequestSchema.FORGOTTEN_TOPICS_DATA, new ArrayList<>())
                .set(FetchRequestSchema.RACK_ID, "");
        request.add(FetchRequestSchema.TOPICS)
                .set(FetchRequestSchema.FetchTopic.TOPIC, topic)
                .set(FetchRequestSchema.FetchTopic.PARTITIONS, new ArrayList<>())
                .add(FetchRequestSchema.FetchTopic.PARTITIONS)
                .set(FetchRequestSchema.FetchPartition.PARTITION, 0)
                .set(FetchRequestSchema.FetchPartition.FETCH_OFFSET, offset)
                .set(FetchRequestSchema.FetchPartition.PARTITION_MAX_BYTES, 1 << 20);
        return request;
    }

    private static Struct fetchedPartition(final Struct fetchResponse) {
        return fetchResponse.get(FetchResponseSchema.RESPONSES).get(0)
                .get(FetchResponseSchema.FetchableTopicResponse.PARTITIONS).get(0);
    }

    private static Struct listOffsets(final String topic, final long timestamp) {
        final Struct request = ListOffsetsRequestSchema.SCHEMA.newStruct()
                .set(ListOffsetsRequestSchema.REPLICA_ID, -1)
                .set(ListOffsetsRequestSchema.TOPICS, new ArrayList<>());
        request.add(ListOffsetsRequestSchema.TOPICS)
                .set(ListOffsetsRequestSchema.ListOffsetsTopic.NAME, topic)
                .set(ListOffsetsRequestSchema.ListOffsetsTopic.PARTITIONS, new ArrayList<>())
                .add(ListOffsetsRequestSchema.ListOffsetsTopic.PARTITIONS)
                .set(ListOffsetsRequestSchema.ListOffsetsPartition.PARTITION_INDEX, 0)
                .set(ListOffsetsRequestSchema.ListOffsetsPartition.TIMESTAMP, timestamp);
        return request;
    }

    private static Struct listedPartition(final Struct response) {
        return response.get(ListOffsetsResponseSchema.TOPICS).get(0)
                .get(ListOffsetsResponseSchema.ListOffsetsTopicResponse.PARTITIONS).get(0);
    }
}
