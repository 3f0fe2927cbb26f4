package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeGroupsRequest request (API key 15): versions 0 to 5, flexible from version 5.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeGroupsRequestSchema {
    public static final Field<List<String>> GROUPS = Field.of("Groups", FieldType.arrayOf(FieldType.STRING));
    public static final Field<Boolean> INCLUDE_AUTHORIZED_OPERATIONS = Field.of("IncludeAuthorizedOperations", FieldType.BOOLEAN).versions(3, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("DescribeGroupsRequest",
        GROUPS, INCLUDE_AUTHORIZED_OPERATIONS);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeGroupsRequest", 15, 0, 5, 5, ROOT);

    private DescribeGroupsRequestSchema() {
    }
}
