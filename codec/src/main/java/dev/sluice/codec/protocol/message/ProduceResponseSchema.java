package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ProduceResponse response (API key 0): versions 0 to 11, flexible from version 9.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ProduceResponseSchema {
    public static final Field<List<Struct>> RESPONSES = Field.of("Responses", FieldType.structArray(TopicProduceResponse.SCHEMA));
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).versions(1, NO_MAX).ignorable();
    public static final Field<List<Struct>> NODE_ENDPOINTS = Field.of("NodeEndpoints", FieldType.structArray(NodeEndpoint.SCHEMA)).versions(10, NO_MAX)
            .tagged(0, 10, NO_MAX);
    public static final StructSchema ROOT = new StructSchema("ProduceResponse",
        RESPONSES, THROTTLE_TIME_MS, NODE_ENDPOINTS);
    public static final MessageSchema SCHEMA = new MessageSchema("ProduceResponse", 0, 0, 11, 9, ROOT);

    private ProduceResponseSchema() {
    }

    /** Elements of {@code ProduceResponse.Responses}. */
    public static final class TopicProduceResponse {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITION_RESPONSES = Field.of("PartitionResponses", FieldType.structArray(PartitionProduceResponse.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("ProduceResponse.Responses",
            NAME, PARTITION_RESPONSES);

        private TopicProduceResponse() {
        }
    }

    /** Elements of {@code ProduceResponse.Responses.PartitionResponses}. */
    public static final class PartitionProduceResponse {
        public static final Field<Integer> INDEX = Field.of("Index", FieldType.INT32);
        public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
        public static final Field<Long> BASE_OFFSET = Field.of("BaseOffset", FieldType.INT64);
        public static final Field<Long> LOG_APPEND_TIME_MS = Field.of("LogAppendTimeMs", FieldType.INT64).versions(2, NO_MAX).ignorable().withDefault(-1L);
        public static final Field<Long> LOG_START_OFFSET = Field.of("LogStartOffset", FieldType.INT64).versions(5, NO_MAX).ignorable().withDefault(-1L);
        public static final Field<List<Struct>> RECORD_ERRORS = Field.of("RecordErrors", FieldType.structArray(BatchIndexAndErrorMessage.SCHEMA)).versions(8, NO_MAX).ignorable();
        public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING).versions(8, NO_MAX)
                .nullableVersions(8, NO_MAX).ignorable().withDefault(null);
        public static final Field<Struct> CURRENT_LEADER = Field.of("CurrentLeader", FieldType.structOf(LeaderIdAndEpoch.SCHEMA)).versions(10, NO_MAX)
                .tagged(0, 10, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("ProduceResponse.Responses.PartitionResponses",
            INDEX, ERROR_CODE, BASE_OFFSET, LOG_APPEND_TIME_MS, LOG_START_OFFSET, RECORD_ERRORS, ERROR_MESSAGE, CURRENT_LEADER);

        private PartitionProduceResponse() {
        }
    }

    /** Elements of {@code ProduceResponse.Responses.PartitionResponses.RecordErrors}. */
    public static final class BatchIndexAndErrorMessage {
        public static final Field<Integer> BATCH_INDEX = Field.of("BatchIndex", FieldType.INT32).versions(8, NO_MAX);
        public static final Field<String> BATCH_INDEX_ERROR_MESSAGE = Field.of("BatchIndexErrorMessage", FieldType.STRING).versions(8, NO_MAX)
                .nullableVersions(8, NO_MAX).withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("ProduceResponse.Responses.PartitionResponses.RecordErrors",
            BATCH_INDEX, BATCH_INDEX_ERROR_MESSAGE);

        private BatchIndexAndErrorMessage() {
        }
    }

    /** The struct in {@code ProduceResponse.Responses.PartitionResponses.CurrentLeader}. */
    public static final class LeaderIdAndEpoch {
        public static final Field<Integer> LEADER_ID = Field.of("LeaderId", FieldType.INT32).versions(10, NO_MAX).withDefault(-1);
        public static final Field<Integer> LEADER_EPOCH = Field.of("LeaderEpoch", FieldType.INT32).versions(10, NO_MAX).withDefault(-1);
        public static final StructSchema SCHEMA = new StructSchema("ProduceResponse.Responses.PartitionResponses.CurrentLeader",
            LEADER_ID, LEADER_EPOCH);

        private LeaderIdAndEpoch() {
        }
    }

    /** Elements of {@code ProduceResponse.NodeEndpoints}. */
    public static final class NodeEndpoint {
        public static final Field<Integer> NODE_ID = Field.of("NodeId", FieldType.INT32).versions(10, NO_MAX);
        public static final Field<String> HOST = Field.of("Host", FieldType.STRING).versions(10, NO_MAX);
        public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32).versions(10, NO_MAX);
        public static final Field<String> RACK = Field.of("Rack", FieldType.STRING).versions(10, NO_MAX)
                .nullableVersions(10, NO_MAX).withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("ProduceResponse.NodeEndpoints",
            NODE_ID, HOST, PORT, RACK);

        private NodeEndpoint() {
        }
    }
}
