package dev.sluice.broker.group;

/**
 * Broker settings of the group coordinator, named after Kafka's broker keys.
 *
 * @param initialRebalanceDelayMs {@code group.initial.rebalance.delay.ms}: how long the first
 *        rebalance of an empty group waits for more members, in ms (Kafka 3000; embedded brokers and
 *        tests usually want 0)
 * @param minSessionTimeoutMs {@code group.min.session.timeout.ms}, ms
 * @param maxSessionTimeoutMs {@code group.max.session.timeout.ms}, ms
 * @param maxSize {@code group.max.size}: members (joined plus awaiting their first join) per group
 * @param offsetMetadataMaxBytes {@code offset.metadata.max.bytes}: UTF-8 bytes of a commit's
 *        metadata string
 */
public record GroupConfig(
        int initialRebalanceDelayMs,
        int minSessionTimeoutMs,
        int maxSessionTimeoutMs,
        int maxSize,
        int offsetMetadataMaxBytes) {

    public static final String INITIAL_REBALANCE_DELAY_MS = "group.initial.rebalance.delay.ms";
    public static final String MIN_SESSION_TIMEOUT_MS = "group.min.session.timeout.ms";
    public static final String MAX_SESSION_TIMEOUT_MS = "group.max.session.timeout.ms";
    public static final String MAX_SIZE = "group.max.size";
    public static final String OFFSET_METADATA_MAX_BYTES = "offset.metadata.max.bytes";

    /** Validates every value; the message names the broker key that is wrong. */
    public GroupConfig {
        requireAtLeast(INITIAL_REBALANCE_DELAY_MS, initialRebalanceDelayMs, 0);
        requireAtLeast(MIN_SESSION_TIMEOUT_MS, minSessionTimeoutMs, 0);
        requireAtLeast(MAX_SESSION_TIMEOUT_MS, maxSessionTimeoutMs, minSessionTimeoutMs);
        requireAtLeast(MAX_SIZE, maxSize, 1);
        requireAtLeast(OFFSET_METADATA_MAX_BYTES, offsetMetadataMaxBytes, 0);
        // The offsets file stores metadata with an int16 length.
        if (offsetMetadataMaxBytes > Short.MAX_VALUE) {
            throw new IllegalArgumentException(OFFSET_METADATA_MAX_BYTES + " must be at most " + Short.MAX_VALUE
                    + " but was " + offsetMetadataMaxBytes);
        }
    }

    /** Kafka's defaults: 3 s initial delay, sessions 6 s..30 min, unbounded size, 4096-byte metadata. */
    public static GroupConfig defaults() {
        return new GroupConfig(3_000, 6_000, 1_800_000, Integer.MAX_VALUE, 4096);
    }

    public GroupConfig withInitialRebalanceDelayMs(final int value) {
        return new GroupConfig(value, minSessionTimeoutMs, maxSessionTimeoutMs, maxSize, offsetMetadataMaxBytes);
    }

    public GroupConfig withSessionTimeoutBoundsMs(final int min, final int max) {
        return new GroupConfig(initialRebalanceDelayMs, min, max, maxSize, offsetMetadataMaxBytes);
    }

    public GroupConfig withMaxSize(final int value) {
        return new GroupConfig(initialRebalanceDelayMs, minSessionTimeoutMs, maxSessionTimeoutMs, value, offsetMetadataMaxBytes);
    }

    public GroupConfig withOffsetMetadataMaxBytes(final int value) {
        return new GroupConfig(initialRebalanceDelayMs, minSessionTimeoutMs, maxSessionTimeoutMs, maxSize, value);
    }

    private static void requireAtLeast(final String key, final int value, final int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + " but was " + value);
        }
    }
}
