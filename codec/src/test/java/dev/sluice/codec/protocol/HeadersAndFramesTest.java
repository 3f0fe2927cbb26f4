package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.record.MemoryRecords;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeadersAndFramesTest {
    /** Records that are not in a ByteBuffer, standing in for a file region. */
    private record OffHeapStandIn(byte[] bytes) implements RecordsPayload {
        @Override
        public long sizeInBytes() {
            return bytes.length;
        }
    }

    @Test
    void shouldMatchKafkaHeaderVersionsForEveryApiAndSharedVersion() {
        for (final ApiKeys api : ApiKeys.values()) {
            final org.apache.kafka.common.protocol.ApiKeys kafka = org.apache.kafka.common.protocol.ApiKeys.forId(api.id());
            assertEquals(api.apiName(), kafka.name);
            final short lowest = (short) Math.max(api.lowestVersion(), kafka.oldestVersion());
            final short highest = (short) Math.min(api.highestVersion(), kafka.latestVersion(true));
            for (short v = lowest; v <= highest; v++) {
                assertEquals(kafka.requestHeaderVersion(v), api.requestHeaderVersion(v), api + " v" + v);
                assertEquals(kafka.responseHeaderVersion(v), api.responseHeaderVersion(v), api + " v" + v);
            }
        }
    }

    @Test
    void shouldWriteAndReadRequestHeadersLikeKafkaInEveryHeaderVersion() throws Exception {
        // kafka-clients 4.x supports request header v1-v2 only; v0 is checked against the spec below.
        for (short headerVersion = 1; headerVersion <= 2; headerVersion++) {
            for (final String clientId : new String[] {null, "", "client-ü"}) {
                final RequestHeader ours = new RequestHeader((short) 3, (short) 12, 0x01020304, clientId);
                final RequestHeaderData kafka = new RequestHeaderData().setRequestApiKey((short) 3)
                    .setRequestApiVersion((short) 12).setCorrelationId(0x01020304).setClientId(ours.clientId());
                final ByteBuffer kafkaBytes = KafkaMirror.kafkaSerialize(kafka, headerVersion);
                final ByteBuffer ourBytes = ByteBuffer.allocate(ours.sizeOf(headerVersion));
                ours.write(ourBytes, headerVersion);
                assertEquals(KafkaMirror.hex(kafkaBytes), KafkaMirror.hex(ourBytes.flip()));
                assertEquals(ours, RequestHeader.read(kafkaBytes.duplicate(), headerVersion));
                assertEquals(kafka, KafkaMirror.kafkaRead(RequestHeaderData.class, ourBytes.duplicate(), headerVersion));
            }
        }
    }

    @Test
    void shouldWriteAndReadResponseHeadersLikeKafka() throws Exception {
        for (short headerVersion = 0; headerVersion <= 1; headerVersion++) {
            final ByteBuffer kafkaBytes = KafkaMirror.kafkaSerialize(new ResponseHeaderData().setCorrelationId(-7),
                headerVersion);
            final ByteBuffer ourBytes = ByteBuffer.allocate(ResponseHeader.sizeOf(headerVersion));
            new ResponseHeader(-7).write(ourBytes, headerVersion);
            assertEquals(KafkaMirror.hex(kafkaBytes), KafkaMirror.hex(ourBytes.flip()));
            assertEquals(-7, ResponseHeader.read(kafkaBytes, headerVersion).correlationId());
        }
    }

    @Test
    void shouldWriteRequestHeaderV0WithoutClientId() {
        final RequestHeader header = new RequestHeader((short) 7, (short) 0, 9, "ignored");
        final ByteBuffer bytes = ByteBuffer.allocate(header.sizeOf((short) 0));
        header.write(bytes, (short) 0);
        assertEquals("0007000000000009", KafkaMirror.hex(bytes.flip()));
        assertEquals(new RequestHeader((short) 7, (short) 0, 9, null), RequestHeader.read(bytes, (short) 0));
    }

    @Test
    void shouldKeepClientIdNonCompactInHeaderV2() {
        final RequestHeader header = new RequestHeader(ApiKeys.METADATA, (short) 12, 1, "abc");
        final ByteBuffer bytes = ByteBuffer.allocate(header.sizeOf((short) 2));
        header.write(bytes, (short) 2);
        assertEquals(3, bytes.getShort(8), "INT16 length, not a varint");
    }

    @Test
    void shouldFrameRequestSoKafkaCanParseHeaderAndBody() {
        final Struct produce = ProduceRequestSchema.SCHEMA.newStruct()
            .set(ProduceRequestSchema.ACKS, (short) -1).set(ProduceRequestSchema.TIMEOUT_MS, 30000);
        final Struct partition = produce.add(ProduceRequestSchema.TOPIC_DATA)
            .set(ProduceRequestSchema.TopicProduceData.NAME, "orders")
            .add(ProduceRequestSchema.TopicProduceData.PARTITION_DATA)
            .set(ProduceRequestSchema.PartitionProduceData.INDEX, 2)
            .set(ProduceRequestSchema.PartitionProduceData.RECORDS, ByteBufferRecords.wrap(new byte[] {1, 2, 3}));
        final ByteBuffer frame = Frames.request(new RequestHeader(ApiKeys.PRODUCE, (short) 9, 77, "sluice"), produce);

        assertEquals(frame.remaining() - 4, Frames.peekFrameSize(frame, 1 << 20));
        frame.getInt();
        final org.apache.kafka.common.requests.RequestHeader kafkaHeader =
            org.apache.kafka.common.requests.RequestHeader.parse(frame);
        assertEquals(77, kafkaHeader.correlationId());
        assertEquals("sluice", kafkaHeader.clientId());
        assertEquals(2, kafkaHeader.headerVersion());
        final ProduceRequestData body = new ProduceRequestData(new ByteBufferAccessor(frame), (short) 9);
        assertEquals(30000, body.timeoutMs());
        final MemoryRecords records = (MemoryRecords) body.topicData().iterator().next().partitionData().get(0).records();
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), records.buffer());
        assertEquals(2, partition.get(ProduceRequestSchema.PartitionProduceData.INDEX));
    }

    @Test
    void shouldReadRequestHeaderChoosingVersionFromApiKey() {
        final Struct metadata = ApiKeys.METADATA.requestSchema().newStruct();
        final ByteBuffer frame = Frames.request(new RequestHeader(ApiKeys.METADATA, (short) 12, 5, "c"), metadata);
        frame.getInt();
        final RequestHeader header = RequestHeader.read(frame);
        assertEquals(ApiKeys.METADATA, header.api());
        assertEquals(2, header.headerVersion());
        ApiKeys.METADATA.requestSchema().read(frame, header.apiVersion());
        assertFalse(frame.hasRemaining());
    }

    @Test
    void shouldLeaveRecordsAsSeparatePartsForZeroCopy() throws Exception {
        final byte[] segmentBytes = {9, 8, 7, 6, 5};
        final MessageParts parts = Frames.responseParts(ApiKeys.FETCH, (short) 12, 42,
            fetchResponse(new OffHeapStandIn(segmentBytes)));
        final List<MessageParts.Part> list = parts.parts();
        assertEquals(3, list.size());
        assertInstanceOf(MessageParts.Encoded.class, list.get(0));
        assertInstanceOf(OffHeapStandIn.class, ((MessageParts.Payload) list.get(1)).records());
        assertInstanceOf(MessageParts.Encoded.class, list.get(2));

        // Sending the parts in order gives exactly the frame the all-heap path builds.
        final ByteBuffer sent = ByteBuffer.allocate((int) parts.sizeInBytes());
        for (final MessageParts.Part part : parts) {
            if (part instanceof MessageParts.Encoded encoded) {
                sent.put(encoded.bytes().duplicate());
            } else {
                sent.put(((OffHeapStandIn) ((MessageParts.Payload) part).records()).bytes());
            }
        }
        final ByteBuffer heapFrame = Frames.response(ApiKeys.FETCH, (short) 12, 42,
            fetchResponse(ByteBufferRecords.wrap(segmentBytes)));
        assertEquals(KafkaMirror.hex(heapFrame), KafkaMirror.hex(sent.flip()));

        // And Kafka reads it.
        assertEquals(sent.remaining() - 4, sent.getInt());
        assertEquals(42, org.apache.kafka.common.requests.ResponseHeader.parse(sent, (short) 1).correlationId());
        final FetchResponseData data = new FetchResponseData(new ByteBufferAccessor(sent), (short) 12);
        assertEquals(ByteBuffer.wrap(segmentBytes),
            ((MemoryRecords) data.responses().get(0).partitions().get(0).records()).buffer());
    }

    @Test
    void shouldFrameAHugePayloadWithoutAllocatingIt() {
        final RecordsPayload huge = () -> 1_500_000_000L;
        final MessageParts parts = Frames.responseParts(ApiKeys.FETCH, (short) 12, 1, fetchResponse(huge));
        final long encoded = parts.sizeInBytes() - huge.sizeInBytes();
        assertEquals(true, encoded < 200, "only the header and fields are in the heap: " + encoded);
        assertEquals(parts.sizeInBytes() - 4,
            ((MessageParts.Encoded) parts.parts().get(0)).bytes().getInt(0) & 0xffffffffL);
    }

    @Test
    void shouldRefuseAFrameLargerThanTwoGigabytes() {
        final Struct response = fetchResponse(() -> 1_500_000_000L);
        response.get(FetchResponseSchema.RESPONSES).get(0).add(FetchResponseSchema.FetchableTopicResponse.PARTITIONS)
            .set(FetchResponseSchema.PartitionData.RECORDS, () -> 1_500_000_000L);
        assertThrows(IllegalArgumentException.class, () -> Frames.responseParts(ApiKeys.FETCH, (short) 12, 1, response));
    }

    @Test
    void shouldRefuseToCopyAPayloadThatIsNotInTheHeap() {
        assertThrows(IllegalArgumentException.class, () ->
            FetchResponseSchema.SCHEMA.serialize(fetchResponse(new OffHeapStandIn(new byte[1])), (short) 12));
    }

    @Test
    void shouldReadRecordsAsSliceOfTheFrame() {
        final ByteBuffer bytes = FetchResponseSchema.SCHEMA.serialize(
            fetchResponse(ByteBufferRecords.wrap(new byte[] {1, 2, 3, 4})), (short) 4);
        final Struct read = FetchResponseSchema.SCHEMA.read(bytes, (short) 4);
        final ByteBuffer records = read.get(FetchResponseSchema.RESPONSES).get(0)
            .get(FetchResponseSchema.FetchableTopicResponse.PARTITIONS).get(0)
            .recordsBuffer(FetchResponseSchema.PartitionData.RECORDS);
        assertSame(bytes.array(), records.array(), "no copy: the slice shares the frame's array");
        assertEquals(4, records.remaining());
    }

    @Test
    void shouldRejectNegativeOrOversizedFramePrefix() {
        assertEquals(-1, Frames.peekFrameSize(ByteBuffer.allocate(3), 100));
        assertThrows(MalformedDataException.class,
            () -> Frames.peekFrameSize(ByteBuffer.allocate(4).putInt(0, -5), 100));
        assertThrows(MalformedDataException.class,
            () -> Frames.peekFrameSize(ByteBuffer.allocate(4).putInt(0, 101), 100));
    }

    @Test
    void shouldRejectEveryTruncationOfARequestHeader() {
        final RequestHeader header = new RequestHeader(ApiKeys.FETCH, (short) 13, 12345, "client-1");
        final ByteBuffer full = ByteBuffer.allocate(header.sizeOf((short) 2));
        header.write(full, (short) 2);
        full.flip();
        assertEquals(header, RequestHeader.read(full.duplicate()));
        for (int length = 0; length < full.limit(); length++) {
            final ByteBuffer truncated = full.duplicate().limit(length);
            assertThrows(MalformedDataException.class, () -> RequestHeader.read(truncated), "length " + length);
        }
    }

    @Test
    void shouldReturnNullApiForUnknownKey() {
        assertNull(ApiKeys.forId((short) 4));
        assertNull(ApiKeys.forId((short) -1));
        assertEquals(ApiKeys.DESCRIBE_CLUSTER, ApiKeys.forId((short) 60));
    }

    private static Struct fetchResponse(final RecordsPayload records) {
        final Struct response = FetchResponseSchema.SCHEMA.newStruct();
        final Struct topic = response.add(FetchResponseSchema.RESPONSES)
            .set(FetchResponseSchema.FetchableTopicResponse.TOPIC, "orders");
        topic.add(FetchResponseSchema.FetchableTopicResponse.PARTITIONS)
            .set(FetchResponseSchema.PartitionData.HIGH_WATERMARK, 100L)
            .set(FetchResponseSchema.PartitionData.RECORDS, records);
        return response;
    }
}
