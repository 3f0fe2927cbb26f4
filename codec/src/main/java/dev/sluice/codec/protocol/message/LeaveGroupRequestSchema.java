package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * LeaveGroupRequest request (API key 13): versions 0 to 5, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class LeaveGroupRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING).versions(0, 2);
    public static final Field<List<Struct>> MEMBERS = Field.of("Members", FieldType.structArray(MemberIdentity.SCHEMA)).versions(3, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("LeaveGroupRequest",
        GROUP_ID, MEMBER_ID, MEMBERS);
    public static final MessageSchema SCHEMA = new MessageSchema("LeaveGroupRequest", 13, 0, 5, 4, ROOT);

    private LeaveGroupRequestSchema() {
    }

    /** Elements of {@code LeaveGroupRequest.Members}. */
    public static final class MemberIdentity {
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING).versions(3, NO_MAX);
        public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(3, NO_MAX)
                .nullableVersions(3, NO_MAX).withDefault(null);
        public static final Field<String> REASON = Field.of("Reason", FieldType.STRING).versions(5, NO_MAX)
                .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("LeaveGroupRequest.Members",
            MEMBER_ID, GROUP_INSTANCE_ID, REASON);

        private MemberIdentity() {
        }
    }
}
