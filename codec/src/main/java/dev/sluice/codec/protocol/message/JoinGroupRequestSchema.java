package dev.sluice.codec.protocol.message;

import dev.sluice.codec.protocol.Field;
import dev.sluice.codec.protocol.FieldType;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.StructSchema;

import java.util.List;

import static dev.sluice.codec.protocol.Field.NO_MAX;

/**
 * JoinGroupRequest request (API key 11): versions 0 to 9, flexible from version 6.
 * Field layout transcribed from the Kafka 3.8.0 protocol schema; see the package documentation.
 */
public final class JoinGroupRequestSchema {
    public static final Field<String> GROUP_ID = Field.of("GroupId", FieldType.STRING);
    public static final Field<Integer> SESSION_TIMEOUT_MS = Field.of("SessionTimeoutMs", FieldType.INT32);
    public static final Field<Integer> REBALANCE_TIMEOUT_MS = Field.of("RebalanceTimeoutMs", FieldType.INT32).versions(1, NO_MAX).ignorable().withDefault(-1);
    public static final Field<String> MEMBER_ID = Field.of("MemberId", FieldType.STRING);
    public static final Field<String> GROUP_INSTANCE_ID = Field.of("GroupInstanceId", FieldType.STRING).versions(5, NO_MAX)
            .nullableVersions(5, NO_MAX).withDefault(null);
    public static final Field<String> PROTOCOL_TYPE = Field.of("ProtocolType", FieldType.STRING);
    public static final Field<List<Struct>> PROTOCOLS = Field.of("Protocols", FieldType.structArray(JoinGroupRequestProtocol.SCHEMA));
    public static final Field<String> REASON = Field.of("Reason", FieldType.STRING).versions(8, NO_MAX)
            .nullableVersions(8, NO_MAX).ignorable().withDefault(null);
    public static final StructSchema ROOT = new StructSchema("JoinGroupRequest",
        GROUP_ID, SESSION_TIMEOUT_MS, REBALANCE_TIMEOUT_MS, MEMBER_ID, GROUP_INSTANCE_ID, PROTOCOL_TYPE, PROTOCOLS, REASON);
    public static final MessageSchema SCHEMA = new MessageSchema("JoinGroupRequest", 11, 0, 9, 6, ROOT);

    private JoinGroupRequestSchema() {
    }

    /** Elements of {@code JoinGroupRequest.Protocols}. */
    public static final class JoinGroupRequestProtocol {
        public static final Field<String> NAME = Field.of("Name", FieldType.STRING);
        public static final Field<byte[]> METADATA = Field.of("Metadata", FieldType.BYTES);
        public static final StructSchema SCHEMA = new StructSchema("JoinGroupRequest.Protocols",
            NAME, METADATA);

        private JoinGroupRequestProtocol() {
        }
    }
}
