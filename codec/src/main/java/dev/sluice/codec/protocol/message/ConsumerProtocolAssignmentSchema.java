package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * ConsumerProtocolAssignment data struct: versions 0 to 3, never flexible.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class ConsumerProtocolAssignmentSchema {
    public static final Field<List<Struct>> ASSIGNED_PARTITIONS = Field.of("AssignedPartitions", FieldType.structArray(TopicPartition.SCHEMA));
    public static final Field<byte[]> USER_DATA = Field.of("UserData", FieldType.BYTES)
            .nullableVersions(0, NO_MAX).withDefault(null);
    public static final StructSchema ROOT = new StructSchema("ConsumerProtocolAssignment",
        ASSIGNED_PARTITIONS, USER_DATA);
    public static final MessageSchema SCHEMA = new MessageSchema("ConsumerProtocolAssignment", -1, 0, 3, MessageSchema.NEVER_FLEXIBLE, ROOT);

    private ConsumerProtocolAssignmentSchema() {
    }

    /** Elements of {@code ConsumerProtocolAssignment.AssignedPartitions}. */
    public static final class TopicPartition {
        public static final Field<String> TOPIC = Field.of("Topic", FieldType.STRING);
        public static final Field<List<Integer>> PARTITIONS = Field.of("Partitions", FieldType.arrayOf(FieldType.INT32));
        public static final StructSchema SCHEMA = new StructSchema("ConsumerProtocolAssignment.AssignedPartitions",
            TOPIC, PARTITIONS);

        private TopicPartition() {
        }
    }
}
