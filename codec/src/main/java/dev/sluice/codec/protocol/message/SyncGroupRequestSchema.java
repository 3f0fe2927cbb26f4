package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SyncGroupRequest request (API key 14): versions 0 to 5, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SyncGroupRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
    public static final Field<Integer> GENERATION_ID = Field.of("GenerationId", FieldType.INT32);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
    public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(3, NO_MAX)
            .nullableVersions(3, NO_MAX).withDefault(null);
    public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING).versions(5, NO_MAX)
            .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
    public static final Field<String> PROTOCOL_NAME = Field.of("ProtocolName", FieldType.STRING).versions(5, NO_MAX)
            .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
    public static final Field<List<Struct>> ASSIGNMENTS = Field.of("Assignments", FieldType.structArray(SyncGroupRequestAssignment.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("SyncGroupRequest",
        GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID, PROTOCOL_TYPE, PROTOCOL_NAME, ASSIGNMENTS);
    public static final MessageSchema SCHEMA = new MessageSchema("SyncGroupRequest", 14, 0, 5, 4, ROOT);

    private SyncGroupRequestSchema() {
    }

    /** Elements of {@code SyncGroupRequest.Assignments}. */
    public static final class SyncGroupRequestAssignment {
        public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
        public static final Field<byte[]> ASSIGNMENT = Field.of("Assignment", FieldType.BYTES);
        public static final StructSchema SCHEMA = new StructSchema("SyncGroupRequest.Assignments",
            MEMBER_ID, ASSIGNMENT);

        private SyncGroupRequestAssignment() {
        }
    }
}
