package dev.sluice.client.internal.producer;

/**
 * Receives the outcome of one record: its offset and timestamp, or the failure. Called exactly
 * once, on the sender thread (or the caller's thread for failures before the record was queued),
 * in the order records were appended to a partition.
 */
@FunctionalInterface
public interface RecordCompletion {
    /**
     * @param offset      the record's offset, or -1 if unknown (acks=0, failure)
     * @param timestampMs the record's timestamp (the broker's for LogAppendTime topics)
     * @param error       null on success
     */
    void complete(long offset, long timestampMs, RuntimeException error);
}
