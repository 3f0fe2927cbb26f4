package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * SaslAuthenticateResponse response (API key 36): versions 0 to 2, flexible from version 2.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class SaslAuthenticateResponseSchema {
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING)
            .nullableVersions(0, NO_MAX);
    public static final Field<byte[]> AUTH_BYTES = Field.of("AuthBytes", FieldType.BYTES);
    public static final Field<Long> SESSION_LIFETIME_MS = Field.of("SessionLifetimeMs", FieldType.INT64).versions(1, NO_MAX).ignorable();
    public static final StructSchema ROOT = new StructSchema("SaslAuthenticateResponse",
        ERROR_CODE, ERROR_MESSAGE, AUTH_BYTES, SESSION_LIFETIME_MS);
    public static final MessageSchema SCHEMA = new MessageSchema("SaslAuthenticateResponse", 36, 0, 2, 2, ROOT);

    private SaslAuthenticateResponseSchema() {
    }
}
