package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.StructSchema;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * InitProducerIdRequest request (API key 22): versions 0 to 5, flexible from version 2.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class InitProducerIdRequestSchema {
    public static final Field<String> TRANSACTIONAL_ID = Field.of("TransactionalId", FieldType.STRING)
            .nullableVersions(0, NO_MAX);
    public static final Field<Integer> TRANSACTION_TIMEOUT_MS = Field.of("TransactionTimeoutMs", FieldType.INT32);
    public static final Field<Long> PRODUCER_ID = Field.of("ProducerId", FieldType.INT64).versions(3, NO_MAX).withDefault(-1L);
    public static final Field<Short> PRODUCER_EPOCH = Field.of("ProducerEpoch", FieldType.INT16).versions(3, NO_MAX).withDefault((short) -1);
    public static final StructSchema ROOT = new StructSchema("InitProducerIdRequest",
        TRANSACTIONAL_ID, TRANSACTION_TIMEOUT_MS, PRODUCER_ID, PRODUCER_EPOCH);
    public static final MessageSchema SCHEMA = new MessageSchema("InitProducerIdRequest", 22, 0, 5, 2, ROOT);

    private InitProducerIdRequestSchema() {
    }
}
