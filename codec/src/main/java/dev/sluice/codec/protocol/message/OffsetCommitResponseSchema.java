package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * OffsetCommitResponse response (API key 8): versions 0 to 9, flexible from version 8.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class OffsetCommitResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(3, NO_MAX).ignorable();
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetCommitResponseTopic.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("OffsetCommitResponse",
        THROTTLE_TIME_MS, TOPICS);
    public static final MessageSchema SCHEMA = new MessageSchema("OffsetCommitResponse", 8, 0, 9, 8, ROOT);

    private OffsetCommitResponseSchema() {
    }

    /** Elements of {@code OffsetCommitResponse.Topics}. */
    public static final class OffsetCommitResponseTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(OffsetCommitResponsePartition.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("OffsetCommitResponse.Topics",
            NAME, PARTITIONS);

        private OffsetCommitResponseTopic() {
        }
    }

    /** Elements of {@code OffsetCommitResponse.Topics.Partitions}. */
    public static final class OffsetCommitResponsePartition {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final StructSchema SCHEMA = new StructSchema("OffsetCommitResponse.Topics.Partitions",
            PARTITION_INDEX, ERROR_CODE);

        private OffsetCommitResponsePartition() {
        }
    }
}
