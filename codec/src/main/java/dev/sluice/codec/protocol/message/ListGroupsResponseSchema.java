package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ListGroupsResponse response (API key 16): versions 0 to 5, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ListGroupsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<List<Struct>> GROUPS = Field.of("Groups", FieldType.structArray(ListedGroup.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("ListGroupsResponse",
        THROTTLE_TIME_MS, ERROR_CODE, GROUPS);
    public static final MessageSchema SCHEMA = new MessageSchema("ListGroupsResponse", 16, 0, 5, 3, ROOT);

    private ListGroupsResponseSchema() {
    }

    /** Elements of {@code ListGroupsResponse.Groups}. */
    public static final class ListedGroup {
        public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
        public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING);
        public static final Field<String> GROUP_STATE = Field.of("GroupState", FieldType.STRING).versions(4, NO_MAX).ignorable();
        public static final Field<String> GROUP_TYPE = Field.of("GroupType", FieldType.STRING).versions(5, NO_MAX).ignorable();
        public static final StructSchema SCHEMA = new StructSchema("ListGroupsResponse.Groups",
            GROUP_ID, PROTOCOL_TYPE, GROUP_STATE, GROUP_TYPE);

        private ListedGroup() {
        }
    }
}
