package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SaslHandshakeRequest request (API key 17): versions 0 to 1, never flexible.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SaslHandshakeRequestSchema {
    public static final Field<String> MECHANISM = Field.of("Mechanism", FieldType.STRING);
    public static final StructSchema ROOT = new StructSchema("SaslHandshakeRequest",
        MECHANISM);
    public static final MessageSchema SCHEMA = new MessageSchema("SaslHandshakeRequest", 17, 0, 1, MessageSchema.NEVER_FLEXIBLE, ROOT);

    private SaslHandshakeRequestSchema() {
    }
}
