package dev.sluice.broker.log;

import dev.sluice.codec.protocol.Errors;

/**
 * The Kafka error codes the log reports, as compile-time constants (usable in {@code switch}) equal to
 * {@link Errors#code()} of the same name; {@link AppendResult#error()} and {@link ReadResult#error()} give
 * the {@link Errors} value itself.
 */
public final class LogErrors {
    public static final short NONE = 0;
    public static final short OFFSET_OUT_OF_RANGE = 1;
    public static final short CORRUPT_MESSAGE = 2;
    public static final short UNKNOWN_TOPIC_OR_PARTITION = 3;
    public static final short MESSAGE_TOO_LARGE = 10;
    public static final short RECORD_LIST_TOO_LARGE = 18;
    public static final short OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
    public static final short INVALID_PRODUCER_EPOCH = 47;
    public static final short KAFKA_STORAGE_ERROR = 56;
    public static final short UNKNOWN_PRODUCER_ID = 59;
    public static final short INVALID_RECORD = 87;

    private LogErrors() {
    }
}
