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
 * FetchRequest request (API key 1): versions 0 to 16, flexible from version 12.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class FetchRequestSchema {
    public static final Field<String> CLUSTER_ID = Field.of("ClusterId", FieldType.STRING).versions(12, NO_MAX)
            .nullableVersions(12, NO_MAX)
            .tagged(0, 12, NO_MAX).ignorable().withDefault(null);
    public static final Field<Integer> REPLICA_ID = Field.of("ReplicaId", FieldType.INT32).versions(0, 14).withDefault(-1);
    public static final Field<Struct> REPLICA_STATE = Field.of("ReplicaState", FieldType.structOf(ReplicaState.SCHEMA)).versions(15, NO_MAX)
            .tagged(1, 15, NO_MAX);
    public static final Field<Integer> MAX_WAIT_MS = Field.of("MaxWaitMs", FieldType.INT32);
    public static final Field<Integer> MIN_BYTES = Field.of("MinBytes", FieldType.INT32);
    public static final Field<Integer> MAX_BYTES = Field.of("MaxBytes", FieldType.INT32).versions(3, NO_MAX).ignorable().withDefault(2147483647);
    public static final Field<Byte> ISOLATION_LEVEL = Field.of("IsolationLevel", FieldType.INT8).versions(4, NO_MAX).ignorable();
    public static final Field<Integer> SESSION_ID = Field.of("SessionId", FieldType.INT32).versions(7, NO_MAX).ignorable();
    public static final Field<Integer> SESSION_EPOCH = Field.of("SessionEpoch", FieldType.INT32).versions(7, NO_MAX).ignorable().withDefault(-1);
    public static final Field<List<Struct>> TOPICS = Field.of("Topics", FieldType.structArray(FetchTopic.SCHEMA));
    public static final Field<List<Struct>> FORGOTTEN_TOPICS_DATA = Field.of("ForgottenTopicsData", FieldType.structArray(ForgottenTopic.SCHEMA)).versions(7, NO_MAX);
    public static final Field<String> RACK_ID = Field.of("RackId", FieldType.STRING).versions(11, NO_MAX).ignorable();
    public static final StructSchema ROOT = new StructSchema("FetchRequest",
        CLUSTER_ID, REPLICA_ID, REPLICA_STATE, MAX_WAIT_MS, MIN_BYTES, MAX_BYTES, ISOLATION_LEVEL, SESSION_ID, SESSION_EPOCH, TOPICS, FORGOTTEN_TOPICS_DATA, RACK_ID);
    public static final MessageSchema SCHEMA = new MessageSchema("FetchRequest", 1, 0, 16, 12, ROOT);

    private FetchRequestSchema() {
    }

    /** The struct in {@code FetchRequest.ReplicaState}. */
    public static final class ReplicaState {
        public static final Field<Integer> REPLICA_ID = Field.of("ReplicaId", FieldType.INT32).versions(15, NO_MAX).withDefault(-1);
        public static final Field<Long> REPLICA_EPOCH = Field.of("ReplicaEpoch", FieldType.INT64).versions(15, NO_MAX).withDefault(-1L);
        public static final StructSchema SCHEMA = new StructSchema("FetchRequest.ReplicaState",
            REPLICA_ID, REPLICA_EPOCH);

        private ReplicaState() {
        }
    }

    /** Elements of {@code FetchRequest.Topics}. */
    public static final class FetchTopic {
        public static final Field<String> TOPIC = Field.of("Topic", FieldType.STRING).versions(0, 12).ignorable();
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(13, NO_MAX).ignorable();
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(FetchPartition.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("FetchRequest.Topics",
            TOPIC, TOPIC_ID, PARTITIONS);

        private FetchTopic() {
        }
    }

    /** Elements of {@code FetchRequest.Topics.Partitions}. */
    public static final class FetchPartition {
        public static final Field<Integer> PARTITION = Field.of("Partition", FieldType.INT32);
        public static final Field<Integer> CURRENT_LEADER_EPOCH = Field.of("CurrentLeaderEpoch", FieldType.INT32).versions(9, NO_MAX).ignorable().withDefault(-1);
        public static final Field<Long> FETCH_OFFSET = Field.of("FetchOffset", FieldType.INT64);
        public static final Field<Integer> LAST_FETCHED_EPOCH = Field.of("LastFetchedEpoch", FieldType.INT32).versions(12, NO_MAX).withDefault(-1);
        public static final Field<Long> LOG_START_OFFSET = Field.of("LogStartOffset", FieldType.INT64).versions(5, NO_MAX).ignorable().withDefault(-1L);
        public static final Field<Integer> PARTITION_MAX_BYTES = Field.of("PartitionMaxBytes", FieldType.INT32);
        public static final StructSchema SCHEMA = new StructSchema("FetchRequest.Topics.Partitions",
            PARTITION, CURRENT_LEADER_EPOCH, FETCH_OFFSET, LAST_FETCHED_EPOCH, LOG_START_OFFSET, PARTITION_MAX_BYTES);

        private FetchPartition() {
        }
    }

    /** Elements of {@code FetchRequest.ForgottenTopicsData}. */
    public static final class ForgottenTopic {
        public static final Field<String> TOPIC = Field.of("Topic", FieldType.STRING).versions(7, 12).ignorable();
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(13, NO_MAX).ignorable();
        public static final Field<List<Integer>> PARTITIONS = Field.of("Partitions", FieldType.arrayOf(FieldType.INT32)).versions(7, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("FetchRequest.ForgottenTopicsData",
            TOPIC, TOPIC_ID, PARTITIONS);

        private ForgottenTopic() {
        }
    }
}
