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
 * MetadataRequest request (API key 3): versions 0 to 12, flexible from version 9.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class MetadataRequestSchema {
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(MetadataRequestTopic.SCHEMA))
            .nullableVersions(1, NO_MAX);
    public static final Field<Boolean> ALLOW_AUTO_TOPIC_CREATION = Field.of("AllowAutoTopicCreation", FieldType.BOOLEAN).versions(4, NO_MAX).withDefault(true);
    public static final Field<Boolean> INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS = Field.of("IncludeClusterAuthorizedOperations", FieldType.BOOLEAN).versions(8, 10);
    public static final Field<Boolean> INCLUDE_TOPIC_AUTHORIZED_OPERATIONS = Field.of("IncludeTopicAuthorizedOperations", FieldType.BOOLEAN).versions(8, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("MetadataRequest",
        TOPICS, ALLOW_AUTO_TOPIC_CREATION, INCLUDE_CLUSTER_AUTHORIZED_OPERATIONS, INCLUDE_TOPIC_AUTHORIZED_OPERATIONS);
    public static final MessageSchema SCHEMA = new MessageSchema("MetadataRequest", 3, 0, 12, 9, ROOT);

    private MetadataRequestSchema() {
    }

    /** Elements of {@code MetadataRequest.Topics}. */
    public static final class MetadataRequestTopic {
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(10, NO_MAX).ignorable();
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING)
                .nullableVersions(10, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("MetadataRequest.Topics",
            TOPIC_ID, NAME);

        private MetadataRequestTopic() {
        }
    }
}
