package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.RecordsPayload;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ProduceRequest request (API key 0): versions 0 to 11, flexible from version 9.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ProduceRequestSchema {
    public static final Field<String> TRANSACTIONAL_ID = Field.of("TransactionalId", FieldType.STRING).versions(3, NO_MAX)
            .nullableVersions(3, NO_MAX).withDefault(null);
    public static final Field<Short> ACKS = Field.of("Acks", FieldType.INT16);
    public static final Field<Integer> TIMEOUT_MS = Field.of("TimeoutMs", FieldType.INT32);
    public static final Field<List<Struct>> TOPIC_DATA = Field.of("TopicData", FieldType.structArray(TopicProduceData.SCHEMA));
    public static final StructSchema ROOT = new StructSchema("ProduceRequest",
        TRANSACTIONAL_ID, ACKS, TIMEOUT_MS, TOPIC_DATA);
    public static final MessageSchema SCHEMA = new MessageSchema("ProduceRequest", 0, 0, 11, 9, ROOT);

    private ProduceRequestSchema() {
    }

    /** Elements of {@code ProduceRequest.TopicData}. */
    public static final class TopicProduceData {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<List<Struct>> PARTITION_DATA = Field.of("PartitionData", FieldType.structArray(PartitionProduceData.SCHEMA));
        public static final StructSchema SCHEMA = new StructSchema("ProduceRequest.TopicData",
            NAME, PARTITION_DATA);

        private TopicProduceData() {
        }
    }

    /** Elements of {@code ProduceRequest.TopicData.PartitionData}. */
    public static final class PartitionProduceData {
        public static final Field<Integer> INDEX = Field.of("Index", FieldType.INT32);
        public static final Field<RecordsPayload> RECORDS = Field.of("Records", FieldType.RECORDS)
                .nullableVersions(0, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("ProduceRequest.TopicData.PartitionData",
            INDEX, RECORDS);

        private PartitionProduceData() {
        }
    }
}
