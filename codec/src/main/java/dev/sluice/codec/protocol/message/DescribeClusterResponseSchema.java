package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * DescribeClusterResponse response (API key 60): versions 0 to 1, flexible from version 0.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class DescribeClusterResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32);
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<String> ERROR_MESSAGE = Field.of("ErrorMessage", FieldType.STRING)
            .nullableVersions(0, NO_MAX).withDefault(null);
    public static final Field<Byte> ENDPOINT_TYPE = Field.of("EndpointType", FieldType.INT8).versions(1, NO_MAX).withDefault((byte) 1);
    public static final Field<String> CLUSTER_ID = Field.of("ClusterId", FieldType.STRING);
    public static final Field<Integer> CONTROLLER_ID = Field.of("ControllerId", FieldType.INT32).withDefault(-1);
    public static final Field<List<Struct>> BROKERS = Field.of("Brokers", FieldType.structArray(DescribeClusterBroker.SCHEMA));
    public static final Field<Integer> CLUSTER_AUTHORIZED_OPERATIONS = Field.of("ClusterAuthorizedOperations", FieldType.INT32).withDefault(Integer.MIN_VALUE);
    public static final StructSchema ROOT = new StructSchema("DescribeClusterResponse",
        THROTTLE_TIME_MS, ERROR_CODE, ERROR_MESSAGE, ENDPOINT_TYPE, CLUSTER_ID, CONTROLLER_ID, BROKERS, CLUSTER_AUTHORIZED_OPERATIONS);
    public static final MessageSchema SCHEMA = new MessageSchema("DescribeClusterResponse", 60, 0, 1, 0, ROOT);

    private DescribeClusterResponseSchema() {
    }

    /** Elements of {@code DescribeClusterResponse.Brokers}. */
    public static final class DescribeClusterBroker {
        public static final Field<Integer> BROKER_ID = Field.of("BrokerId", FieldType.INT32);
        public static final Field<String> HOST = Field.of("Host", FieldType.STRING);
        public static final Field<Integer> PORT = Field.of("Port", FieldType.INT32);
        public static final Field<String> RACK = Field.of("Rack", FieldType.STRING)
                .nullableVersions(0, NO_MAX).withDefault(null);
        public static final StructSchema SCHEMA = new StructSchema("DescribeClusterResponse.Brokers",
            BROKER_ID, HOST, PORT, RACK);

        private DescribeClusterBroker() {
        }
    }
}
