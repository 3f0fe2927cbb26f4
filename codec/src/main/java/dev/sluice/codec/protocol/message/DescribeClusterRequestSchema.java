package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeClusterRequest request (API key 60): versions 0 to 1, flexible from version 0.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeClusterRequestSchema {
    public static final Field<Boolean> INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS = Field.of("IncludeClusterAuthorizedOperations", FieldType.BOOLEAN);
    public static final Field<Byte> ENDPOINT_TYPE = Field.of("EndpointType", FieldType.INT8).versions(1, NO_MAX).withDefault((byte) 1);
    public static final StructSchema ROOT = new StructSchema("DescribeClusterRequest",
        INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS, ENDPOINT_TYPE);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeClusterRequest", 60, 0, 1, 0, ROOT);

    private DescribeClusterRequestSchema() {
    }
}
