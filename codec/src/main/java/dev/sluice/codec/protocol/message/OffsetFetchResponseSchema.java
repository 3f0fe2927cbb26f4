package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * OffsetFetchResponse response (API key 9): versions 0 to 9, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class OffsetFetchResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(3, NO_MAX).ignorable();
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetFetchResponseTopic.SCHEMA)).versions(0, 7);
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(2, 7).ignorable();
    public static final Field<List<Struct>> GROUPS = Field.of("Groups", FieldType.structArray(OffsetFetchResponseGroup.SCHEMA)).versions(8, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("OffsetFetchResponse",
        THROTTLE_TIME_MS, TOPICS, ERROR_CODE, GROUPS);
    public static final MessageSchema SCHEMA = new MessageSchema("OffsetFetchResponse", 9, 0, 9, 6, ROOT);

    private OffsetFetchResponseSchema() {
    }

    /** Elements of {@code OffsetFetchResponse.Topics}. */
    public static final class OffsetFetchResponseTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(0, 7);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(OffsetFetchResponsePartition.SCHEMA)).versions(0, 7);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchResponse.Topics",
            NAME, PARTITIONS);

        private OffsetFetchResponseTopic() {
        }
    }

    /** Elements of {@code OffsetFetchResponse.Topics.Partitions}. */
    public static final class OffsetFetchResponsePartition {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32).versions(0, 7);
        public static final Field<Long> COMMITTED_OFFSET = Field.of("CommittedOffset", FieldType.INT64).versions(0, 7);
        public static final Field<Integer> COMMITTED_LEADER_EPOCH = Field.of("CommittedLeaderEpoch", FieldType.INT32).versions(5, 7).ignorable().withDefault(-1);
        public static final Field<String> METADATA = Field.of("Metadata", FieldType.STRING).versions(0, 7)
                .nullableVersions(0, 7);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(0, 7);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchResponse.Topics.Partitions",
            PARTITION_INDEX, COMMITTED_OFFSET, COMMITTED_LEADER_EPOCH, METADATA, ERROR_CODE);

        private OffsetFetchResponsePartition() {
        }
    }

    /** Elements of {@code OffsetFetchResponse.Groups}. */
    public static final class OffsetFetchResponseGroup {
        public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING).versions(8, NO_MAX);
        public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetFetchResponseTopics.SCHEMA)).versions(8, NO_MAX);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(8, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchResponse.Groups",
            GROUP_ID, TOPICS, ERROR_CODE);

        private OffsetFetchResponseGroup() {
        }
    }

    /** Elements of {@code OffsetFetchResponse.Groups.Topics}. */
    public static final class OffsetFetchResponseTopics {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(8, NO_MAX);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(OffsetFetchResponsePartitions.SCHEMA)).versions(8, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchResponse.Groups.Topics",
            NAME, PARTITIONS);

        private OffsetFetchResponseTopics() {
        }
    }

    /** Elements of {@code OffsetFetchResponse.Groups.Topics.Partitions}. */
    public static final class OffsetFetchResponsePartitions {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32).versions(8, NO_MAX);
        public static final Field<Long> COMMITTED_OFFSET = Field.of("CommittedOffset", FieldType.INT64).versions(8, NO_MAX);
        public static final Field<Integer> COMMITTED_LEADER_EPOCH = Field.of("CommittedLeaderEpoch", FieldType.INT32).versions(8, NO_MAX).ignorable().withDefault(-1);
        public static final Field<String> METADATA = Field.of("Metadata", FieldType.STRING).versions(8, NO_MAX)
                .nullableVersions(8, NO_MAX);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(8, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchResponse.Groups.Topics.Partitions",
            PARTITION_INDEX, COMMITTED_OFFSET, COMMITTED_LEADER_EPOCH, METADATA, ERROR_CODE);

        private OffsetFetchResponsePartitions() {
        }
    }
}
