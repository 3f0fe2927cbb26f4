package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * FindCoordinatorResponse response (API key 10): versions 0 to 5, flexible from version 3.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class FindCoordinatorResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(0, 3);
    public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING).versions(1, 3)
            .nullableVersions(1, 3).ignorable();
    public static final Field<Integer> NODE_ID = Field.of("NodeId", FieldType.INT32).versions(0, 3);
    public static final Field<String> HOST = Field.of("Host", FieldType.STRING).versions(0, 3);
    public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32).versions(0, 3);
    public static final Field<List<Struct>> COORDINATORS = Field.of("Coordinators", FieldType.structArray(Coordinator.SCHEMA)).versions(4, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("FindCoordinatorResponse",
        THROTTLE_TIME_MS, ERROR_CODE, ERROR_MESSAGE, NODE_ID, HOST, PORT, COORDINATORS);
    public static final MessageSchema SCHEMA = new MessageSchema("FindCoordinatorResponse", 10, 0, 5, 3, ROOT);

    private FindCoordinatorResponseSchema() {
    }

    /** Elements of {@code FindCoordinatorResponse.Coordinators}. */
    public static final class Coordinator {
        public static final Field<String> KEY = Field.of("Key", FieldType.STRING).versions(4, NO_MAX);
        public static final Field<Integer> NODE_ID = Field.of("NodeId", FieldType.INT32).versions(4, NO_MAX);
        public static final Field<String> HOST = Field.of("Host", FieldType.STRING).versions(4, NO_MAX);
        public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32).versions(4, NO_MAX);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(4, NO_MAX);
        public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING).versions(4, NO_MAX)
                .nullableVersions(4, NO_MAX).ignorable();
        public static final StructSchema SCHEMA = new StructSchema("FindCoordinatorResponse.Coordinators",
            KEY, NODE_ID, HOST, PORT, ERROR_CODE, ERROR_MESSAGE);

        private Coordinator() {
        }
    }
}
