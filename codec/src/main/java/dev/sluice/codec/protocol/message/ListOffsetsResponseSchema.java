package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ListOffsetsResponse response (API key 2): versions 0 to 8, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ListOffsetsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(2, NO_MAX).ignorable();
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(ListOffsetsTopicResponse.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("ListOffsetsResponse",
        THROTTLE_TIME_MS, TOPICS);
    public static final MessageSchema SCHEMA = new MessageSchema("ListOffsetsResponse", 2, 0, 8, 6, ROOT);

    private ListOffsetsResponseSchema() {
    }

    /** Elements of {@code ListOffsetsResponse.Topics}. */
    public static final class ListOffsetsTopicResponse {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(ListOffsetsPartitionResponse.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("ListOffsetsResponse.Topics",
            NAME, PARTITIONS);

        private ListOffsetsTopicResponse() {
        }
    }

    /** Elements of {@code ListOffsetsResponse.Topics.Partitions}. */
    public static final class ListOffsetsPartitionResponse {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<List<Long>> OLD_STYLE_OFFSETS = Field.of("OldStyleOffsets", FieldType.arrayOf(FieldType.INT64)).versions(0, 0);
        public static final Field<Long> TIMESTAMP = Field.of("Timestamp", FieldType.INT64).versions(1, NO_MAX).withDefault(-1L);
        public static final Field<Long> OFFSET = Field.of("Offset", FieldType.INT64).versions(1, NO_MAX).withDefault(-1L);
        public static final Field<Integer> LEADER_EPOCH = Field.of("LeaderEpoch", FieldType.INT32).versions(4, NO_MAX).withDefault(-1);
        public static final StructSchema SCHEMA = new StructSchema("ListOffsetsResponse.Topics.Partitions",
            PARTITION_INDEX, ERROR_CODE, OLD_STYLE_OFFSETS, TIMESTAMP, OFFSET, LEADER_EPOCH);

        private ListOffsetsPartitionResponse() {
        }
    }
}
