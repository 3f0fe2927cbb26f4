package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ConsumerProtocolSubscription data struct: versions 0 to 3, never flexible.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ConsumerProtocolSubscriptionSchema {
    public static final Field<List<String>> TOPICS = Field.of("Topics", FieldType.arrayOf(FieldType.STRING));
    public static final Field<byte[]> USER_DATA = Field.of("UserData", FieldType.BYTES)
            .nullableVersions(0, NO_MAX).withDefault(null);
    public static final Field<List<Struct>> OWNED_PARTITIONS = Field.of("OwnedPartitions", FieldType.structArray(TopicPartition.SCHEMA)).versions(1, NO_MAX).ignorable();
    public static final Field<Integer> GENERATION_ID = Field.of("GenerationId", FieldType.INT32).versions(2, NO_MAX).ignorable().withDefault(-1);
    public static final Field<String> RACK_ID = Field.of("RackId", FieldType.STRING).versions(3, NO_MAX)
            .nullableVersions(3, NO_MAX).ignorable().withDefault(null);
    public static final StructSchema ROOT = new StructSchema("ConsumerProtocolSubscription",
        TOPICS, USER_DATA, OWNED_PARTITIONS, GENERATION_ID, RACK_ID);
    public static final MessageSchema SCHEMA = new MessageSchema("ConsumerProtocolSubscription", -1, 0, 3, MessageSchema.NEVER_FLEXIBLE, ROOT);

    private ConsumerProtocolSubscriptionSchema() {
    }

    /** Elements of {@code ConsumerProtocolSubscription.OwnedPartitions}. */
    public static final class TopicPartition {
        public static final Field<String> TOPIC = Field.of("Topic", FieldType.STRING).versions(1, NO_MAX);
        public static final Field<List<Integer>> PARTITIONS = Field.of("Partitions", FieldType.arrayOf(FieldType.INT32)).versions(1, NO_MAX);
        public static final StructSchema SCHEMA = new StructSchema("ConsumerProtocolSubscription.OwnedPartitions",
            TOPIC, PARTITIONS);

        private TopicPartition() {
        }
    }
}
