package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;
import java.util.UUID;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DeleteTopicsResponse response (API key 20): versions 0 to 6, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DeleteTopicsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<List<Struct>> RESPONSES = Field.of("Responses", FieldType.structArray(DeletableTopicResult.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("DeleteTopicsResponse",
        THROTTLE_TIME_MS, RESPONSES);
    public static final MessageSchema SCHEMA = new MessageSchema("DeleteTopicsResponse", 20, 0, 6, 4, ROOT);

    private DeleteTopicsResponseSchema() {
    }

    /** Elements of {@code DeleteTopicsResponse.Responses}. */
    public static final class DeletableTopicResult {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING)
                .nullableVersions(6, NO_MAX);
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(6, NO_MAX).ignorable();
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING).versions(5, NO_MAX)
                .nullableVersions(5, NO_MAX).ignorable().withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("DeleteTopicsResponse.Responses",
            NAME, TOPIC_ID, ERROR_CODE, ERROR_MESSAGE);

        private DeletableTopicResult() {
        }
    }
}
