package dev.sluice.client.errors;

import dev.sluice.client.TopicPartition;

/**
 * A record or batch failed its CRC check or could not be parsed. Kafka error {@code CORRUPT_MESSAGE}
 * (2). Retriable, as in Kafka: the copy on the broker may be fine and the damage may have happened
 * on the way. The message names the topic, partition and offset.
 */
public class CorruptRecordException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 2;
    public static final String ERROR_NAME = "CORRUPT_MESSAGE";

    /** Offset used when the corruption cannot be pinned to one record. */
    public static final long UNKNOWN_OFFSET = -1L;

    private final TopicPartition topicPartition;
    private final long offset;

    /**
     * @param topicPartition where the bad data was read
     * @param offset the offset of the record or of the batch's first record, or {@link #UNKNOWN_OFFSET}
     * @param detail what was wrong, e.g. {@code "CRC32C 0x1234 stored, 0x5678 computed"}
     */
    public CorruptRecordException(final TopicPartition topicPartition, final long offset, final String detail) {
        super(ERROR_CODE, ERROR_NAME, "Corrupt record in " + topicPartition + " at offset " + offset + ": " + detail);
        this.topicPartition = topicPartition;
        this.offset = offset;
    }

    /** For a response from the broker, which does not say which record. */
    public CorruptRecordException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
        this.topicPartition = null;
        this.offset = UNKNOWN_OFFSET;
    }

    /** Where the bad data was read, or {@code null} if the broker reported it. */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public long offset() {
        return offset;
    }
}
