package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ApiVersionsRequest request (API key 18): versions 0 to 3, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ApiVersionsRequestSchema {
    public static final Field<String> CLIENT_SOFTWARE_NAME = Field.of("ClientSoftwareName", FieldType.STRING).versions(3, NO_MAX).ignorable();
    public static final Field<String> CLIENT_SOFTWARE_VERSION = Field.of("ClientSoftwareVersion", FieldType.STRING).versions(3, NO_MAX).ignorable();
    public static final StructSchema ROOT = new StructSchema("ApiVersionsRequest",
        CLIENT_SOFTWARE_NAME, CLIENT_SOFTWARE_VERSION);
    public static final MessageSchema SCHEMA = new MessageSchema("ApiVersionsRequest", 18, 0, 3, 3, ROOT);

    private ApiVersionsRequestSchema() {
    }
}
