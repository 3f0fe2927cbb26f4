package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * InitProducerIdResponse response (API key 22): versions 0 to 5, flexible from version 2.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class InitProducerIdResponseSchema {
    public static final Field<Integer> THROTTLE_TIME_MS = Field.of("ThrottleTimeMs", FieldType.INT32).ignorable();
    public static final Field<Short> ERROR_CODE = Field.of("ErrorCode", FieldType.INT16);
    public static final Field<Long> PRODUCER_ID = Field.of("ProducerId", FieldType.INT64).withDefault(-1L);
    public static final Field<Short> PRODUCER_EPOCH = Field.of("ProducerEpoch", FieldType.INT16);
    public static final StructSchema ROOT = new StructSchema("InitProducerIdResponse",
        THROTTLE_TIME_MS, ERROR_CODE, PRODUCER_ID, PRODUCER_EPOCH);
    public static final MessageSchema SCHEMA = new MessageSchema("InitProducerIdResponse", 22, 0, 5, 2, ROOT);

    private InitProducerIdResponseSchema() {
    }
}
