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
 * CreateTopicsResponse response (API key 19): versions 0 to 7, flexible from version 5.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class CreateTopicsResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(2, NO_MAX).ignorable();
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(CreatableTopicResult.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("CreateTopicsResponse",
        THROTTLE_TIME_MS, TOPICS);
    public static final MessageSchema SCHEMA = new MessageSchema("CreateTopicsResponse", 19, 0, 7, 5, ROOT);

    private CreateTopicsResponseSchema() {
    }

    /** Elements of {@code CreateTopicsResponse.Topics}. */
    public static final class CreatableTopicResult {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(7, NO_MAX).ignorable();
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING).versions(1, NO_MAX)
                .nullableVersions(0, NO_MAX).ignorable();
        public static final Field<Short> TOPIC_CONFIG_ERROR_CODE = Field.of("TopicConfigErrorCode", FieldType.INT16).versions(5, NO_MAX)
                .tagged(0, 5, NO_MAX).ignorable();
        public static final Field<Integer> NUM_PARTITIONS = Field.of("NumPartitions", FieldType.INT32).versions(5, NO_MAX).ignorable().withDefault(-1);
        public static final Field<Short> REPLICATION_FACTOR = Field.of("ReplicationFactor", FieldType.INT16).versions(5, NO_MAX).ignorable().withDefault((short) -1);
        public static final Field<List<Struct>> CONFIGS = Field.of("Configs", FieldType.structArray(CreatableTopicConfigs.SCHEMA)).versions(5, NO_MAX)
                .nullableVersions(5, NO_MAX).ignorable();
        public static final StructSchema SCHEMA = new StructSchema("CreateTopicsResponse.Topics",
            NAME, TOPIC_ID, ERROR_CODE, ERROR_MESSAGE, TOPIC_CONFIG_ERROR_CODE, NUM_PARTITIONS, REPLICATION_FACTOR, CONFIGS);

        private CreatableTopicResult() {
        }
    }

    /** Elements of {@code CreateTopicsResponse.Topics.Configs}. */
    public static final class CreatableTopicConfigs {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING).versions(5, NO_MAX);
        public static final Field<String> VALUE = Field.of("Value", FieldType.STRING).versions(5, NO_MAX)
                .nullableVersions(5, NO_MAX);
        public static final Field<Boolean> READ_ONLY = Field.of("ReadOnly", FieldType.BOOLEAN).versions(5, NO_MAX);
        public static final Field<Byte> CONFIG_SOURCE = Field.of("ConfigSource", FieldType.INT8).versions(5, NO_MAX).ignorable().withDefault((byte) -1);
        public static final Field<Boolean> IS_SENSITIVE = Field.of("IsSensitive", FieldType.BOOLEAN).versions(5, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("CreateTopicsResponse.Topics.Configs",
            NAME, VALUE, READ_ONLY, CONFIG_SOURCE, IS_SENSITIVE);

        private CreatableTopicConfigs() {
        }
    }
}
