package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * HeartbeatRequest request (API key 12): versions 0 to 4, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class HeartbeatRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
    public static final Field<Integer> GENERATION_ID = Field.of("GenerationId", FieldType.INT32);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
    public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(3, NO_MAX)
            .nullableVersions(3, NO_MAX).withDefault(null);
    public static final StructSchema ROOT = new StructSchema("HeartbeatRequest",
        GROUP_ID, GENERATION_ID, MEMBER_ID, GROUP_INSTANCE_ID);
    public static final MessageSchema SCHEMA = new MessageSchema("HeartbeatRequest", 12, 0, 4, 4, ROOT);

    private HeartbeatRequestSchema() {
    }
}
