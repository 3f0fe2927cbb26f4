package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.Varints;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.protocol.message.MetadataRequestSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructSchemaTest {
    private static final Field<Integer> PLAIN = Field.of("Plain", FieldType.INT32);
    private static final Field<String> LABEL = Field.of("Label", FieldType.STRING).tagged(1, 0, Field.NO_MAX)
        .nullableVersions(0, Field.NO_MAX).withDefault(null);
    private static final Field<Long> COUNTER = Field.of("Counter", FieldType.INT64).tagged(5, 0, Field.NO_MAX)
        .withDefault(-1L);
    private static final MessageSchema TAGGED = new MessageSchema("Tagged", -1, 0, 0, 0,
        new StructSchema("Tagged", PLAIN, LABEL, COUNTER));

    @Test
    void shouldLeaveTaggedFieldsAtTheirDefaultOffTheWire() {
        final Struct message = TAGGED.newStruct().set(PLAIN, 9);
        final ByteBuffer bytes = TAGGED.serialize(message, (short) 0);
        assertEquals(5, bytes.remaining(), "INT32 plus an empty tagged section");
        assertEquals(0, bytes.get(4));
        assertEquals(-1L, TAGGED.read(bytes, (short) 0).get(COUNTER));
    }

    @Test
    void shouldWriteTaggedFieldsInAscendingTagOrder() {
        final Struct message = TAGGED.newStruct().set(LABEL, "x").set(COUNTER, 3L);
        final ByteBuffer bytes = TAGGED.serialize(message, (short) 0);
        bytes.position(4);
        assertEquals(2, Varints.readUnsignedVarint(bytes, "count"));
        assertEquals(1, Varints.readUnsignedVarint(bytes, "tag"));
        final int size = Varints.readUnsignedVarint(bytes, "size");
        bytes.position(bytes.position() + size);
        assertEquals(5, Varints.readUnsignedVarint(bytes, "tag"));
    }

    @Test
    void shouldSkipUnknownTagsBySize() {
        final ByteBuffer bytes = ByteBuffer.allocate(32);
        bytes.putInt(7);
        Varints.writeUnsignedVarint(2, bytes);
        Varints.writeUnsignedVarint(3, bytes);      // unknown tag 3
        Varints.writeUnsignedVarint(4, bytes);
        bytes.putInt(0xdeadbeef);
        Varints.writeUnsignedVarint(5, bytes);      // known tag 5
        Varints.writeUnsignedVarint(8, bytes);
        bytes.putLong(42L);
        final Struct read = TAGGED.read(bytes.flip(), (short) 0);
        assertEquals(7, read.get(PLAIN));
        assertEquals(42L, read.get(COUNTER));
        assertNull(read.get(LABEL));
        assertTrue(!bytes.hasRemaining());
    }

    @Test
    void shouldRejectTagsOutOfOrder() {
        final ByteBuffer bytes = ByteBuffer.allocate(32);
        bytes.putInt(7);
        Varints.writeUnsignedVarint(2, bytes);
        Varints.writeUnsignedVarint(4, bytes);      // unknown tags, empty values
        Varints.writeUnsignedVarint(0, bytes);
        Varints.writeUnsignedVarint(2, bytes);
        Varints.writeUnsignedVarint(0, bytes);
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> TAGGED.read(bytes.flip(), (short) 0));
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    }

    @Test
    void shouldRejectTaggedValueThatOverrunsItsDeclaredSize() {
        final ByteBuffer bytes = ByteBuffer.allocate(32);
        bytes.putInt(7);
        Varints.writeUnsignedVarint(1, bytes);
        Varints.writeUnsignedVarint(5, bytes);
        Varints.writeUnsignedVarint(4, bytes);   // INT64 needs 8
        bytes.putLong(42L);
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> TAGGED.read(bytes.flip(), (short) 0));
        assertEquals("Tagged.Counter", e.field());
    }

    @Test
    void shouldNameTheNestedFieldInErrors() {
        final Struct request = ProduceRequestSchema.SCHEMA.newStruct();
        request.add(ProduceRequestSchema.TOPIC_DATA).set(ProduceRequestSchema.TopicProduceData.NAME, "orders");
        final ByteBuffer bytes = ProduceRequestSchema.SCHEMA.serialize(request, (short) 9);
        // Cut inside the topic name.
        final ByteBuffer truncated = bytes.duplicate().limit(bytes.limit() - 5);
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> ProduceRequestSchema.SCHEMA.read(truncated, (short) 9));
        assertEquals("ProduceRequest.TopicData.Name", e.field());
    }

    @Test
    void shouldRejectHostileArrayCountInTwentyByteFrame() {
        final ByteBuffer frame = ByteBuffer.allocate(20);
        frame.putInt(Integer.MAX_VALUE);    // MetadataRequest v1 Topics count
        frame.clear();
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> MetadataRequestSchema.SCHEMA.read(frame, (short) 1));
        assertEquals("MetadataRequest.Topics", e.field());
    }

    @Test
    void shouldRejectFieldOfAnotherSchema() {
        final Struct request = ProduceRequestSchema.SCHEMA.newStruct();
        assertThrows(IllegalArgumentException.class, () -> request.get(FetchRequestSchema.REPLICA_ID));
    }

    @Test
    void shouldRefuseNullInNonNullableFieldWhenWriting() {
        final Struct request = ProduceRequestSchema.SCHEMA.newStruct();
        request.add(ProduceRequestSchema.TOPIC_DATA).set(ProduceRequestSchema.TopicProduceData.NAME, null);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ProduceRequestSchema.SCHEMA.serialize(request, (short) 9));
        assertTrue(e.getMessage().contains("ProduceRequest.TopicData.Name"), e.getMessage());
    }

    @Test
    void shouldRefuseToDropNonDefaultFieldThatIsNotIgnorable() {
        final Struct request = ProduceRequestSchema.SCHEMA.newStruct()
            .set(ProduceRequestSchema.TRANSACTIONAL_ID, "txn-1");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ProduceRequestSchema.SCHEMA.serialize(request, (short) 2));
        assertTrue(e.getMessage().contains("ProduceRequest.TransactionalId"), e.getMessage());
        // At its default it may be left off.
        request.set(ProduceRequestSchema.TRANSACTIONAL_ID, null);
        assertEquals(ProduceRequestSchema.SCHEMA.sizeOf(request, (short) 2),
            ProduceRequestSchema.SCHEMA.serialize(request, (short) 2).remaining());
    }

    @Test
    void shouldDropIgnorableFieldAbsentFromTheVersion() {
        final Struct response = FetchResponseSchema.SCHEMA.newStruct().set(FetchResponseSchema.THROTTLE_TIME_MS, 100);
        final Struct read = FetchResponseSchema.SCHEMA.read(FetchResponseSchema.SCHEMA.serialize(response, (short) 0),
            (short) 0);
        assertEquals(0, read.get(FetchResponseSchema.THROTTLE_TIME_MS));
    }

    @Test
    void shouldRefuseVersionOutsideTheValidRange() {
        assertThrows(IllegalArgumentException.class,
            () -> ProduceRequestSchema.SCHEMA.read(ByteBuffer.allocate(8), (short) 12));
    }

    @Test
    void shouldDefaultFieldsAbsentFromTheVersionRead() {
        final Struct request = FetchRequestSchema.SCHEMA.newStruct().set(FetchRequestSchema.MAX_WAIT_MS, 500);
        final Struct read = FetchRequestSchema.SCHEMA.read(FetchRequestSchema.SCHEMA.serialize(request, (short) 2),
            (short) 2);
        assertEquals(0x7fffffff, read.get(FetchRequestSchema.MAX_BYTES), "MaxBytes came in v3, default applies");
        assertEquals(500, read.get(FetchRequestSchema.MAX_WAIT_MS));
    }

    @Test
    void shouldCarryFetchResponseTaggedStructsInFlexibleVersions() {
        final Struct response = FetchResponseSchema.SCHEMA.newStruct();
        final Struct partition = response.add(FetchResponseSchema.RESPONSES)
            .add(FetchResponseSchema.FetchableTopicResponse.PARTITIONS);
        partition.get(FetchResponseSchema.PartitionData.CURRENT_LEADER)
            .set(FetchResponseSchema.LeaderIdAndEpoch.LEADER_ID, 3)
            .set(FetchResponseSchema.LeaderIdAndEpoch.LEADER_EPOCH, 11);
        final Struct read = FetchResponseSchema.SCHEMA.read(FetchResponseSchema.SCHEMA.serialize(response, (short) 16),
            (short) 16);
        final List<Struct> partitions = read.get(FetchResponseSchema.RESPONSES).get(0)
            .get(FetchResponseSchema.FetchableTopicResponse.PARTITIONS);
        assertEquals(11, partitions.get(0).get(FetchResponseSchema.PartitionData.CURRENT_LEADER)
            .get(FetchResponseSchema.LeaderIdAndEpoch.LEADER_EPOCH));
        assertEquals(-1L, partitions.get(0).get(FetchResponseSchema.PartitionData.DIVERGING_EPOCH)
            .get(FetchResponseSchema.EpochEndOffset.END_OFFSET));
    }
}
