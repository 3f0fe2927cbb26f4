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
 * DeleteTopicsRequest request (API key 20): versions 0 to 6, flexible from version 4.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DeleteTopicsRequestSchema {
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(DeleteTopicState.SCHEMA)).versions(6, NO_MAX);
    public static final Field<List<String>> TOPIC_NAMES = Field.of("TopicNames", FieldType.arrayOf(FieldType.STRING)).versions(0, 5).ignorable();
    public static final Field<Integer> TIMEOUT_MS = Field.of("TimeoutMs", FieldType.INT32);
    public static final StructSchema ROOT = new StructSchema("DeleteTopicsRequest",
        TOPICS, TOPIC_NAMES, TIMEOUT_MS);
    public static final MessageSchema SCHEMA = new MessageSchema("DeleteTopicsRequest", 20, 0, 6, 4, ROOT);

    private DeleteTopicsRequestSchema() {
    }

    /** Elements of {@code DeleteTopicsRequest.Topics}. */
    public static final class DeleteTopicState {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(6, NO_MAX)
                .nullableVersions(6, NO_MAX).withDefault(null);
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(6, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("DeleteTopicsRequest.Topics",
            NAME, TOPIC_ID);

        private DeleteTopicState() {
        }
    }
}
