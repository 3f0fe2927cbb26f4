package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ListGroupsRequest request (API key 16): versions 0 to 5, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ListGroupsRequestSchema {
    public static final Field<List<String>> STATES_FILTER = Field.of("StatesFilter", FieldType.arrayOf(FieldType.STRING)).versions(4, NO_MAX);
    public static final Field<List<String>> TYPES_FILTER = Field.of("TypesFilter", FieldType.arrayOf(FieldType.STRING)).versions(5, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("ListGroupsRequest",
        STATES_FILTER, TYPES_FILTER);
    public static final MessageSchema SCHEMA = new MessageSchema("ListGroupsRequest", 16, 0, 5, 3, ROOT);

    private ListGroupsRequestSchema() {
    }
}
