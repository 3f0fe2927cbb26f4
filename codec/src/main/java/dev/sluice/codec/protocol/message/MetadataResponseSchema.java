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
 * MetadataResponse response (API key 3): versions 0 to 12, flexible from version 9.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class MetadataResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(3, NO_MAX).ignorable();
    public static final Field<List<Struct>> BROKERS = Field.of("Brokers", FieldType.structArray(MetadataResponseBroker.SCHEMA));
    public static final Field<String> CLUSTER_ID = Field.of("ClusterId", FieldType.STRING).versions(2, NO_MAX)
            .nullableVersions(2, NO_MAX).ignorable().withDefault(null);
    public static final Field<Integer> CONTROLLER_ID = Field.of("ControllerId", FieldType.INT32).versions(1, NO_MAX).ignorable().withDefault(-1);
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(MetadataResponseTopic.SCHEMA));
    public static final Field<Integer> CLUSTER_AUTHORIZED_OPERATIONS = Field.of("ClusterAuthorizedOperations", FieldType.INT32).versions(8, 10).withDefault(Integer.MIN_VALUE);
    public static final StructSchema ROOT = new StructSchema("MetadataResponse",
        THROTTLE_TIME_MS, BROKERS, CLUSTER_ID, CONTROLLER_ID, TOPICS, CLUSTER_AUTHORIZED_OPERATIONS);
    public static final MessageSchema SCHEMA = new MessageSchema("MetadataResponse", 3, 0, 12, 9, ROOT);

    private MetadataResponseSchema() {
    }

    /** Elements of {@code MetadataResponse.Brokers}. */
    public static final class MetadataResponseBroker {
        public static final Field<Integer> NODE_ID = Field.of("NodeId", FieldType.INT32);
        public static final Field<String> HOST = Field.of("Host", FieldType.STRING);
        public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32);
        public static final Field<String> RACK = Field.of("Rack", FieldType.STRING).versions(1, NO_MAX)
                .nullableVersions(1, NO_MAX).ignorable().withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("MetadataResponse.Brokers",
            NODE_ID, HOST, PORT, RACK);

        private MetadataResponseBroker() {
        }
    }

    /** Elements of {@code MetadataResponse.Topics}. */
    public static final class MetadataResponseTopic {
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING)
                .nullableVersions(12, NO_MAX);
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(10, NO_MAX).ignorable();
        public static final Field<Boolean> IS_INTERNAL = Field.of("IsInternal", FieldType.BOOLEAN).versions(1, NO_MAX).ignorable();
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(MetadataResponsePartition.SCHEMA));
        public static final Field<Integer> TOPIC_AUTHORIZED_OPERATIONS = Field.of("TopicAuthorizedOperations", FieldType.INT32).versions(8, NO_MAX).withDefault(Integer.MIN_VALUE);
        public static final StructSchema SCHEMA = new StructSchema("MetadataResponse.Topics",
            ERROR_CODE, NAME, TOPIC_ID, IS_INTERNAL, PARTITIONS, TOPIC_AUTHORIZED_OPERATIONS);

        private MetadataResponseTopic() {
        }
    }

    /** Elements of {@code MetadataResponse.Topics.Partitions}. */
    public static final class MetadataResponsePartition {
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Integer> LEADER_ID = Field.of("LeaderId", FieldType.INT32);
        public static final Field<Integer> LEADER_EPOCH = Field.of("LeaderEpoch", FieldType.INT32).versions(7, NO_MAX).ignorable().withDefault(-1);
        public static final Field<List<Integer>> REPLICA_NODES = Field.of("ReplicaNodes", FieldType.arrayOf(FieldType.INT32));
        public static final Field<List<Integer>> ISR_NODES = Field.of("IsrNodes", FieldType.arrayOf(FieldType.INT32));
        public static final Field<List<Integer>> OFFLINE_REPLICAS = Field.of("OfflineReplicas", FieldType.arrayOf(FieldType.INT32)).versions(5, NO_MAX).ignorable();
        public static final StructSchema SCHEMA = new StructSchema("MetadataResponse.Topics.Partitions",
            ERROR_CODE, PARTITION_INDEX, LEADER_ID, LEADER_EPOCH, REPLICA_NODES, ISR_NODES, OFFLINE_REPLICAS);

        private MetadataResponsePartition() {
        }
    }
}
