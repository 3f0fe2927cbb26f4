package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * OffsetCommitRequest request (API key 8): versions 0 to 9, flexible from version 8.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class OffsetCommitRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
    public static final Field<Integer> GENERATION_ID_OR_MEMBER_EPOCH = Field.of("GenerationIdOrMemberEpoch", FieldType.INT32).versions(1, NO_MAX).ignorable().withDefault(-1);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING).versions(1, NO_MAX).ignorable();
    public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(7, NO_MAX)
            .nullableVersions(7, NO_MAX).withDefault(null);
    public static final Field<Long> RETENTION_TIME_MS = Field.of("RetentionTimeMs", FieldType.INT64).versions(2, 4).ignorable().withDefault(-1L);
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetCommitRequestTopic.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("OffsetCommitRequest",
        GROUP_ID, GENERATION_ID_OR_MEMBER_EPOCH, MEMBER_ID, GROUP_INSTANCE_ID, RETENTION_TIME_MS, TOPICS);
    public static final MessageSchema SCHEMA = new MessageSchema("OffsetCommitRequest", 8, 0, 9, 8, ROOT);

    private OffsetCommitRequestSchema() {
    }

    /** Elements of {@code OffsetCommitRequest.Topics}. */
    public static final class OffsetCommitRequestTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(OffsetCommitRequestPartition.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("OffsetCommitRequest.Topics",
            NAME, PARTITIONS);

        private OffsetCommitRequestTopic() {
        }
    }

    /** Elements of {@code OffsetCommitRequest.Topics.Partitions}. */
    public static final class OffsetCommitRequestPartition {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Long> COMMITTED_OFFSET = Field.of("CommittedOffset", FieldType.INT64);
        public static final Field<Integer> COMMITTED_LEADER_EPOCH = Field.of("CommittedLeaderEpoch", FieldType.INT32).versions(6, NO_MAX).ignorable().withDefault(-1);
        public static final Field<Long> COMMIT_TIMESTAMP = Field.of("CommitTimestamp", FieldType.INT64).versions(1, 1).withDefault(-1L);
        public static final Field<String> COMMITTED_METADATA = Field.of("CommittedMetadata", FieldType.STRING)
                .nullableVersions(0, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetCommitRequest.Topics.Partitions",
            PARTITION_INDEX, COMMITTED_OFFSET, COMMITTED_LEADER_EPOCH, COMMIT_TIMESTAMP, COMMITTED_METADATA);

        private OffsetCommitRequestPartition() {
        }
    }
}
