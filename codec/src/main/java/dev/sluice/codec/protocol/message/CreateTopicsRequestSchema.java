package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * CreateTopicsRequest request (API key 19): versions 0 to 7, flexible from version 5.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class CreateTopicsRequestSchema {
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(CreatableTopic.SCHEMA));
    public static final Field<Integer> TIMEOUT_MS = Field.of("timeoutMs", FieldType.INT32).withDefault(60000);
    public static final Field<Boolean> VALIDATE_ONLY = Field.of("validateOnly", FieldType.BOOLEAN).versions(1, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("CreateTopicsRequest",
        TOPICS, TIMEOUT_MS, VALIDATE_ONLY);
    public static final MessageSchema SCHEMA = new MessageSchema("CreateTopicsRequest", 19, 0, 7, 5, ROOT);

    private CreateTopicsRequestSchema() {
    }

    /** Elements of {@code CreateTopicsRequest.Topics}. */
    public static final class CreatableTopic {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<Integer> NUM_PARTITIONS = Field.of("NumPartitions", FieldType.INT32);
        public static final Field<Short> REPLICATION_FACTOR = Field.of("ReplicationFactor", FieldType.INT16);
        public static final Field<List<Struct>> ASSIGNMENTS = Field.of("Assignments", FieldType.structArray(CreatableReplicaAssignment.SCHEMA));
        public static final Field<List<Struct>> CONFIGS = Field.of("Configs", FieldType.structArray(CreateableTopicConfig.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("CreateTopicsRequest.Topics",
            NAME, NUM_PARTITIONS, REPLICATION_FACTOR, ASSIGNMENTS, CONFIGS);

        private CreatableTopic() {
        }
    }

    /** Elements of {@code CreateTopicsRequest.Topics.Assignments}. */
    public static final class CreatableReplicaAssignment {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<List<Integer>> BROKER_IDS = Field.of("BrokerIds", FieldType.arrayOf(FieldType.INT32));
        public static final StructSchema SCHEMA = new StructSchema("CreateTopicsRequest.Topics.Assignments",
            PARTITION_INDEX, BROKER_IDS);

        private CreatableReplicaAssignment() {
        }
    }

    /** Elements of {@code CreateTopicsRequest.Topics.Configs}. */
    public static final class CreateableTopicConfig {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<String> VALUE = Field.of("Value", FieldType.STRING)
                .nullableVersions(0, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("CreateTopicsRequest.Topics.Configs",
            NAME, VALUE);

        private CreateableTopicConfig() {
        }
    }
}
