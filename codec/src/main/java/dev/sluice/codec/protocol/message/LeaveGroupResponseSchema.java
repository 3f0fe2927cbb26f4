package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * LeaveGroupResponse response (API key 13): versions 0 to 5, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class LeaveGroupResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<List<Struct>> MEMBERS = Field.of("Members", FieldType.structArray(MemberResponse.SCHEMA)).versions(3, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("LeaveGroupResponse",
        THROTTLE_TIME_MS, ERROR_CODE, MEMBERS);
    public static final MessageSchema SCHEMA = new MessageSchema("LeaveGroupResponse", 13, 0, 5, 4, ROOT);

    private LeaveGroupResponseSchema() {
    }

    /** Elements of {@code LeaveGroupResponse.Members}. */
    public static final class MemberResponse {
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING).versions(3, NO_MAX);
        public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(3, NO_MAX)
                .nullableVersions(3, NO_MAX);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(3, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("LeaveGroupResponse.Members",
            MEMBER_ID, GROUP_INSTANCE_ID, ERROR_CODE);

        private MemberResponse() {
        }
    }
}
