package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * FindCoordinatorRequest request (API key 10): versions 0 to 5, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class FindCoordinatorRequestSchema {
    public static final Field<String> KEY = Field.of("Key", FieldType.STRING).versions(0, 3);
    public static final Field<Byte> KEY_TYPE = Field.of("KeyType", FieldType.INT8).versions(1, NO_MAX);
    public static final Field<List<String>> COORDINATOR_KEYS = Field.of("CoordinatorKeys", FieldType.arrayOf(FieldType.STRING)).versions(4, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("FindCoordinatorRequest",
        KEY, KEY_TYPE, COORDINATOR_KEYS);
    public static final MessageSchema SCHEMA = new MessageSchema("FindCoordinatorRequest", 10, 0, 5, 3, ROOT);

    private FindCoordinatorRequestSchema() {
    }
}
