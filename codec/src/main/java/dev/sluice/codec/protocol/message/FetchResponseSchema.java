package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.RecordsPayload;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;
import java.util.UUID;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * FetchResponse response (API key 1): versions 0 to 16, flexible from version 12.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class FetchResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16).versions(7, NO_MAX).ignorable();
    public static final Field<Integer> SESSION_ID = Field.of("SessionId", FieldType.INT32).versions(7, NO_MAX);
    public static final Field<List<Struct>> RESPONSES = Field.of("Responses", FieldType.structArray(FetchableTopicResponse.SCHEMA));
    public static final Field<List<Struct>> NODE_ENDPOINTS = Field.of("NodeEndpoints", FieldType.structArray(NodeEndpoint.SCHEMA)).versions(16, NO_MAX)
            .tagged(0, 16, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("FetchResponse",
        THROTTLE_TIME_MS, ERROR_CODE, SESSION_ID, RESPONSES, NODE_ENDPOINTS);
    public static final MessageSchema SCHEMA = new MessageSchema("FetchResponse", 1, 0, 16, 12, ROOT);

    private FetchResponseSchema() {
    }

    /** Elements of {@code FetchResponse.Responses}. */
    public static final class FetchableTopicResponse {
        public static final Field<String> TOPIC = Field.of("Topic", FieldType.STRING).versions(0, 12).ignorable();
        public static final Field<UUID> TOPIC_ID = Field.of("TopicId", FieldType.UUID_TYPE).versions(13, NO_MAX).ignorable();
        public static final Field<List<Struct>> PARTITIONS = Field.of("Partitions", FieldType.structArray(PartitionData.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses",
            TOPIC, TOPIC_ID, PARTITIONS);

        private FetchableTopicResponse() {
        }
    }

    /** Elements of {@code FetchResponse.Responses.Partitions}. */
    public static final class PartitionData {
        public static final Field<Integer> PARTITION_INDEX = Field.of("PartitionIndex", FieldType.INT32);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<Long> HIGH_WATERMARK = Field.of("HighWatermark", FieldType.INT64);
        public static final Field<Long> LAST_STABLE_OFFSET = Field.of("LastStableOffset", FieldType.INT64).versions(4, NO_MAX).ignorable().withDefault(-1L);
        public static final Field<Long> LOG_START_OFFSET = Field.of("LogStartOffset", FieldType.INT64).versions(5, NO_MAX).ignorable().withDefault(-1L);
        public static final Field<Struct> DIVERGING_EPOCH = Field.of("DivergingEpoch", FieldType.structOf(EpochEndOffset.SCHEMA)).versions(12, NO_MAX)
                .tagged(0, 12, NO_MAX);
        public static final Field<Struct> CURRENT_LEADER = Field.of("CurrentLeader", FieldType.structOf(LeaderIdAndEpoch.SCHEMA)).versions(12, NO_MAX)
                .tagged(1, 12, NO_MAX);
        public static final Field<Struct> SNAPSHOT_ID = Field.of("SnapshotId", FieldType.structOf(SnapshotId.SCHEMA)).versions(12, NO_MAX)
                .tagged(2, 12, NO_MAX);
        public static final Field<List<Struct>> ABORTED_TRANSACTIONS = Field.of("AbortedTransactions", FieldType.structArray(AbortedTransaction.SCHEMA)).versions(4, NO_MAX)
                .nullableVersions(4, NO_MAX).ignorable();
        public static final Field<Integer> PREFERRED_READ_REPLICA = Field.of("PreferredReadReplica", FieldType.INT32).versions(11, NO_MAX).withDefault(-1);
        public static final Field<RecordsPayload> RECORDS = Field.of("Records", FieldType.RECORDS)
                .nullableVersions(0, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses.Partitions",
            PARTITION_INDEX, ERROR_CODE, HIGH_WATERMARK, LAST_STABLE_OFFSET, LOG_START_OFFSET, DIVERGING_EPOCH, CURRENT_LEADER, SNAPSHOT_ID, ABORTED_TRANSACTIONS, PREFERRED_READ_REPLICA, RECORDS);

        private PartitionData() {
        }
    }

    /** The struct in {@code FetchResponse.Responses.Partitions.DivergingEpoch}. */
    public static final class EpochEndOffset {
        public static final Field<Integer> EPOCH = Field.of("Epoch", FieldType.INT32).versions(12, NO_MAX).withDefault(-1);
        public static final Field<Long> END_OFFSET = Field.of("EndOffset", FieldType.INT64).versions(12, NO_MAX).withDefault(-1L);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses.Partitions.DivergingEpoch",
            EPOCH, END_OFFSET);

        private EpochEndOffset() {
        }
    }

    /** The struct in {@code FetchResponse.Responses.Partitions.CurrentLeader}. */
    public static final class LeaderIdAndEpoch {
        public static final Field<Integer> LEADER_ID = Field.of("LeaderId", FieldType.INT32).versions(12, NO_MAX).withDefault(-1);
        public static final Field<Integer> LEADER_EPOCH = Field.of("LeaderEpoch", FieldType.INT32).versions(12, NO_MAX).withDefault(-1);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses.Partitions.CurrentLeader",
            LEADER_ID, LEADER_EPOCH);

        private LeaderIdAndEpoch() {
        }
    }

    /** The struct in {@code FetchResponse.Responses.Partitions.SnapshotId}. */
    public static final class SnapshotId {
        public static final Field<Long> END_OFFSET = Field.of("EndOffset", FieldType.INT64).withDefault(-1L);
        public static final Field<Integer> EPOCH = Field.of("Epoch", FieldType.INT32).withDefault(-1);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses.Partitions.SnapshotId",
            END_OFFSET, EPOCH);

        private SnapshotId() {
        }
    }

    /** Elements of {@code FetchResponse.Responses.Partitions.AbortedTransactions}. */
    public static final class AbortedTransaction {
        public static final Field<Long> PRODUCER_ID = Field.of("ProducerId", FieldType.INT64).versions(4, NO_MAX);
        public static final Field<Long> FIRST_OFFSET = Field.of("FirstOffset", FieldType.INT64).versions(4, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.Responses.Partitions.AbortedTransactions",
            PRODUCER_ID, FIRST_OFFSET);

        private AbortedTransaction() {
        }
    }

    /** Elements of {@code FetchResponse.NodeEndpoints}. */
    public static final class NodeEndpoint {
        public static final Field<Integer> NODE_ID = Field.of("NodeId", FieldType.INT32).versions(16, NO_MAX);
        public static final Field<String> HOST = Field.of("Host", FieldType.STRING).versions(16, NO_MAX);
        public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32).versions(16, NO_MAX);
        public static final Field<String> RACK = Field.of("Rack", FieldType.STRING).versions(16, NO_MAX)
                .nullableVersions(16, NO_MAX).withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("FetchResponse.NodeEndpoints",
            NODE_ID, HOST, PORT, RACK);

        private NodeEndpoint() {
        }
    }
}
