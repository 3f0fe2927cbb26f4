package dev.sluice.client.internal.producer;

import dev.sluice.codec.record.Header;

import java.nio.ByteBuffer;

/**
 * Builds one RecordBatch v2 inside a buffer the accumulator took from the {@link BufferPool}.
 *
 * <p>The seam between the accumulator's grouping logic and the codec's byte layout. Appends come
 * from application threads under the partition's deque lock; {@link #close()} (which compresses
 * the whole batch) is called once by the sender thread.
 */
public interface RecordsWriter {
    /** True if one more record of these sizes fits within the size limit; always true for the first. */
    boolean hasRoomFor(long timestampMs, byte[] key, byte[] value, Header[] headers);

    /** Appends a record; its offset delta is the number of records appended before it. */
    void append(long timestampMs, byte[] key, byte[] value, Header[] headers);

    /** True once the batch reached its size limit; a writer that is full still accepts nothing. */
    boolean isFull();

    /**
     * Size the batch would have if closed now, bytes: exact without compression, otherwise the
     * uncompressed records times the fill ratio the writer was created with.
     */
    int estimatedSizeInBytes();

    /** Records appended so far. */
    int recordCount();

    /** Sets the idempotence fields; must be called before {@link #close()}. */
    void producerState(long producerId, short producerEpoch, int baseSequence);

    /**
     * Finishes the batch: compresses the records section, writes the header and CRC.
     *
     * @return the complete batch, from position 0 to its limit; valid until the pooled buffer is released
     */
    ByteBuffer close();

    /** Uncompressed size of the records appended, bytes (for compression-rate metrics). */
    int uncompressedSizeInBytes();

    /**
     * About the {@link #uncompressedSizeInBytes()} at which the batch counts as full, bytes: by the
     * size limit at the writer's fill ratio, or by its buffer, whichever is smaller. Fixed for the
     * writer's life.
     */
    int uncompressedCapacityInBytes();

    /** Creates writers over pooled buffers. */
    interface Factory {
        /**
         * @param buffer    the pooled buffer to write into, from position 0 to its limit (its
         *                  capacity is the memory charged, its limit bounds the uncompressed bytes
         *                  the batch can hold)
         * @param sizeLimit {@code batch.size}: no second record is accepted once the estimated
         *                  (compressed) size would pass it; the first record always is (its buffer
         *                  was sized for it)
         * @param fillRatio expected compressed/uncompressed size of the records, used to estimate
         *                  the compressed size while appending; ignored without compression
         */
        RecordsWriter create(ByteBuffer buffer, int sizeLimit, float fillRatio);

        /** True if batches are compressed when closed, so their final size is only estimated until then. */
        boolean compresses();

        /** Upper bound on the size of a batch holding only this record, bytes. */
        int estimateSizeInBytes(byte[] key, byte[] value, Header[] headers);
    }
}
