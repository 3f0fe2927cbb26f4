package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * OffsetFetchRequest request (API key 9): versions 0 to 9, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class OffsetFetchRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING).versions(0, 7);
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetFetchRequestTopic.SCHEMA)).versions(0, 7)
            .nullableVersions(2, 7);
    public static final Field<List<Struct>> GROUPS = Field.of("Groups", FieldType.structArray(OffsetFetchRequestGroup.SCHEMA)).versions(8, NO_MAX);
    public static final Field<Boolean> REQUIRE_STABLE = Field.of("RequireStable", FieldType.BOOLEAN).versions(7, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("OffsetFetchRequest",
        GROUP_ID, TOPICS, GROUPS, REQUIRE_STABLE);
    public static final MessageSchema SCHEMA = new MessageSchema("OffsetFetchRequest", 9, 0, 9, 6, ROOT);

    private OffsetFetchRequestSchema() {
    }

    /** Elements of {@code OffsetFetchRequest.Topics}. */
    public static final class OffsetFetchRequestTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(0, 7);
        public static final Field<List<Integer>> PARTITION_INDEXES = Field.of("PartitionIndexes", FieldType.arrayOf(FieldType.INT32)).versions(0, 7);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchRequest.Topics",
            NAME, PARTITION_INDEXES);

        private OffsetFetchRequestTopic() {
        }
    }

    /** Elements of {@code OffsetFetchRequest.Groups}. */
    public static final class OffsetFetchRequestGroup {
        public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING).versions(8, NO_MAX);
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING).versions(9, NO_MAX)
                .nullableVersions(9, NO_MAX).ignorable().withDefault(null);
        public static final Field<Integer> MEMBER_EPOCH = Field.of("MemberEpoch", FieldType.INT32).versions(9, NO_MAX).ignorable().withDefault(-1);
        public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(OffsetFetchRequestTopics.SCHEMA)).versions(8, NO_MAX)
                .nullableVersions(8, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchRequest.Groups",
            GROUP_ID, MEMBER_ID, MEMBER_EPOCH, TOPICS);

        private OffsetFetchRequestGroup() {
        }
    }

    /** Elements of {@code OffsetFetchRequest.Groups.Topics}. */
    public static final class OffsetFetchRequestTopics {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(8, NO_MAX);
        public static final Field<List<Integer>> PARTITION_INDEXES = Field.of("PartitionIndexes", FieldType.arrayOf(FieldType.INT32)).versions(8, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("OffsetFetchRequest.Groups.Topics",
            NAME, PARTITION_INDEXES);

        private OffsetFetchRequestTopics() {
        }
    }
}
