package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SaslAuthenticateRequest request (API key 36): versions 0 to 2, flexible from version 2.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SaslAuthenticateRequestSchema {
    public static final Field<byte[]> AUTH_BYTES = Field.of("AuthBytes", FieldType.BYTES);
    public static final StructSchema ROOT = new StructSchema("SaslAuthenticateRequest",
        AUTH_BYTES);
    public static final MessageSchema SCHEMA = new MessageSchema("SaslAuthenticateRequest", 36, 0, 2, 2, ROOT);

    private SaslAuthenticateRequestSchema() {
    }
}
