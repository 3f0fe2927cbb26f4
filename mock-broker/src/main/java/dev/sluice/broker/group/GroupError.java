package dev.sluice.broker.group;

/**
 * The outcomes the group coordinator can report, with Kafka's error codes. The coordinator is
 * plain Java without wire types; handlers turn {@link #code()} into the response field, so these
 * codes must match the protocol's error-code registry and are never renumbered.
 */
public enum GroupError {
    NONE(0),
    UNKNOWN_SERVER_ERROR(-1),
    UNKNOWN_TOPIC_OR_PARTITION(3),
    OFFSET_METADATA_TOO_LARGE(12),
    COORDINATOR_NOT_AVAILABLE(15),
    NOT_COORDINATOR(16),
    ILLEGAL_GENERATION(22),
    INCONSISTENT_GROUP_PROTOCOL(23),
    INVALID_GROUP_ID(24),
    UNKNOWN_MEMBER_ID(25),
    INVALID_SESSION_TIMEOUT(26),
    REBALANCE_IN_PROGRESS(27),
    GROUP_ID_NOT_FOUND(69),
    MEMBER_ID_REQUIRED(79),
    GROUP_MAX_SIZE_REACHED(81),
    FENCED_INSTANCE_ID(82);

    private final short code;

    GroupError(final int code) {
        this.code = (short) code;
    }

    /** Kafka's error code for this outcome. */
    public short code() {
        return code;
    }
}
