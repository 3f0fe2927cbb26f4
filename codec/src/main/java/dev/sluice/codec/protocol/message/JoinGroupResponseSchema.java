package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * JoinGroupResponse response (API key 11): versions 0 to 9, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class JoinGroupResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(2, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<Integer> GENERATION_ID = Field.of("GenerationId", FieldType.INT32).withDefault(-1);
    public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING).versions(7, NO_MAX)
            .nullableVersions(7, NO_MAX).ignorable().withDefault(null);
    public static final Field<String> PROTOCOL_NAME = Field.of("ProtocolName", FieldType.STRING)
            .nullableVersions(7, NO_MAX);
    public static final Field<String> LEADER = Field.of("Leader", FieldType.STRING);
    public static final Field<Boolean> SKIP_ASSIGNMENT = Field.of("SkipAssignment", FieldType.BOOLEAN).versions(9, NO_MAX);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
    public static final Field<List<Struct>> MEMBERS = Field.of("Members", FieldType.structArray(JoinGroupResponseMember.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("JoinGroupResponse",
        THROTTLE_TIME_MS, ERROR_CODE, GENERATION_ID, PROTOCOL_TYPE, PROTOCOL_NAME, LEADER, SKIP_ASSIGNMENT, MEMBER_ID, MEMBERS);
    public static final MessageSchema SCHEMA = new MessageSchema("JoinGroupResponse", 11, 0, 9, 6, ROOT);

    private JoinGroupResponseSchema() {
    }

    /** Elements of {@code JoinGroupResponse.Members}. */
    public static final class JoinGroupResponseMember {
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
        public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(5, NO_MAX)
                .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
        public static final Field<byte[]> METADATA = Field.of("Metadata", FieldType.BYTES);
        public static final StructSchema SCHEMA = new StructSchema("JoinGroupResponse.Members",
            MEMBER_ID, GROUP_INSTANCE_ID, METADATA);

        private JoinGroupResponseMember() {
        }
    }
}
