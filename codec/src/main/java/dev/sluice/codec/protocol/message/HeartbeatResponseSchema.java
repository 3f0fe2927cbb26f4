package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * HeartbeatResponse response (API key 12): versions 0 to 4, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class HeartbeatResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final StructSchema ROOT = new StructSchema("HeartbeatResponse",
        THROTTLE_TIME_MS, ERROR_CODE);
    public static final MessageSchema SCHEMA = new MessageSchema("HeartbeatResponse", 12, 0, 4, 4, ROOT);

    private HeartbeatResponseSchema() {
    }
}
