package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SyncGroupResponse response (API key 14): versions 0 to 5, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SyncGroupResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING).versions(5, NO_MAX)
            .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
    public static final Field<String> PROTOCOL_NAME = Field.of("ProtocolName", FieldType.STRING).versions(5, NO_MAX)
            .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
    public static final Field<byte[]> ASSIGNMENT = Field.of("Assignment", FieldType.BYTES);
    public static final StructSchema ROOT = new StructSchema("SyncGroupResponse",
        THROTTLE_TIME_MS, ERROR_CODE, PROTOCOL_TYPE, PROTOCOL_NAME, ASSIGNMENT);
    public static final MessageSchema SCHEMA = new MessageSchema("SyncGroupResponse", 14, 0, 5, 4, ROOT);

    private SyncGroupResponseSchema() {
    }
}
