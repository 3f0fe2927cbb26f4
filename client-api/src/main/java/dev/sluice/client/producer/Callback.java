package dev.sluice.client.producer;

/**
 * Told when a sent record is acknowledged or has failed. Runs on the producer's I/O thread, so it must
 * be quick: slow work here delays every other record's completion.
 */
@FunctionalInterface
public interface Callback {
    /**
     * Exactly one of the two arguments describes the outcome.
     *
     * @param metadata where the record landed; on failure it carries topic and partition (if known)
     *     with offset {@code -1}
     * @param exception {@code null} on success, else why the record was not written
     */
    void onCompletion(RecordMetadata metadata, Exception exception);
}
