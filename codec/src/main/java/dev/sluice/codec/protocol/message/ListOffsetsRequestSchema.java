package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ListOffsetsRequest request (API key 2): versions 0 to 8, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ListOffsetsRequestSchema {
    public static final Field<Integer> REPLICA_ID = Field.of("ReplicaId", FieldType.INT32);
    public static final Field<Byte> ISOLATION_LEVEL = Field.of("IsolationLevel", FieldType.INT8).versions(2, NO_MAX);
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(ListOffsetsTopic.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("ListOffsetsRequest",
        REPLICA_ID, ISOLATION_LEVEL, TOPICS);
    public static final MessageSchema SCHEMA = new MessageSchema("ListOffsetsRequest", 2, 0, 8, 6, ROOT);

    private ListOffsetsRequestSchema() {
    }

    /** Elements of {@code ListOffsetsRequest.Topics}. */
    public static final class ListOffsetsTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(ListOffsetsPartition.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("ListOffsetsRequest.Topics",
            NAME, PARTITIONS);

        private ListOffsetsTopic() {
        }
    }

    /** Elements of {@code ListOffsetsRequest.Topics.Partitions}. */
    public static final class ListOffsetsPartition {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Integer> CURRENT_LEADER_EPOCH = Field.of("CurrentLeaderEpoch", FieldType.INT32).versions(4, NO_MAX).ignorable().withDefault(-1);
        public static final Field<Long> TIMESTAMP = Field.of("Timestamp", FieldType.INT64);
        public static final Field<Integer> MAX_NUM_OFFSETS = Field.of("MaxNumOffsets", FieldType.INT32).versions(0, 0).withDefault(1);
        public static final StructSchema SCHEMA = new StructSchema("ListOffsetsRequest.Topics.Partitions",
            PARTITION_INDEX, CURRENT_LEADER_EPOCH, TIMESTAMP, MAX_NUM_OFFSETS);

        private ListOffsetsPartition() {
        }
    }
}
