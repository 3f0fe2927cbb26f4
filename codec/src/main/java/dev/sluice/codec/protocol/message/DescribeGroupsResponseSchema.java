package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeGroupsResponse response (API key 15): versions 0 to 5, flexible from version 5.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeGroupsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<List<Struct>> GROUPS = Field.of("Groups", FieldType.structArray(DescribedGroup.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("DescribeGroupsResponse",
        THROTTLE_TIME_MS, GROUPS);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeGroupsResponse", 15, 0, 5, 5, ROOT);

    private DescribeGroupsResponseSchema() {
    }

    /** Elements of {@code DescribeGroupsResponse.Groups}. */
    public static final class DescribedGroup {
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
        public static final Field<String> GROUP_STATE = Field.of("GroupState", FieldType.STRING);
        public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING);
        public static final Field<String> PROTOCOL_DATA = Field.of("ProtocolData", FieldType.STRING);
        public static final Field<List<Struct>> MEMBERS = Field.of("Members", FieldType.structArray(DescribedGroupMember.SCHEMA));
        public static final Field<Integer> AUTHORIZED_OPERATIONS = Field.of("AuthorizedOperations", FieldType.INT32).versions(3, NO_MAX).withDefault(Integer.MIN_VALUE);
        public static final StructSchema SCHEMA = new StructSchema("DescribeGroupsResponse.Groups",
            ERROR_CODE, GROUP_ID, GROUP_STATE, PROTOCOL_TYPE, PROTOCOL_DATA, MEMBERS, AUTHORIZED_OPERATIONS);

        private DescribedGroup() {
        }
    }

    /** Elements of {@code DescribeGroupsResponse.Groups.Members}. */
    public static final class DescribedGroupMember {
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
        public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(4, NO_MAX)
                .nullableVersions(4, NO_MAX).ignorable().withDefault(null);
        public static final Field<String> CLIENT_ID = Field.of("ClientId", FieldType.STRING);
        public static final Field<String> CLIENT_HOST = Field.of("ClientHost", FieldType.STRING);
        public static final Field<byte[]> MEMBER_METADATA = Field.of("MemberMetadata", FieldType.BYTES);
        public static final Field<byte[]> MEMBER_ASSIGNMENT = Field.of("MemberAssignment", FieldType.BYTES);
        public static final StructSchema SCHEMA = new StructSchema("DescribeGroupsResponse.Groups.Members",
            MEMBER_ID, GROUP_INSTANCE_ID, CLIENT_ID, CLIENT_HOST, MEMBER_METADATA, MEMBER_ASSIGNMENT);

        private DescribedGroupMember() {
        }
    }
}
