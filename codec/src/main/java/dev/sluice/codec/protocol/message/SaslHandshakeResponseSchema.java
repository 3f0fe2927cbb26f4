package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SaslHandshakeResponse response (API key 17): versions 0 to 1, never flexible.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SaslHandshakeResponseSchema {
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<List<String>> MECHANISMS = Field.of("Mechanisms", FieldType.arrayOf(FieldType.STRING));
    public static final StructSchema ROOT = new StructSchema("SaslHandshakeResponse",
        ERROR_CODE, MECHANISMS);
    public static final MessageSchema SCHEMA = new MessageSchema("SaslHandshakeResponse", 17, 0, 1, MessageSchema.NEVER_FLEXIBLE, ROOT);

    private SaslHandshakeResponseSchema() {
    }
}
