package dev.sluice.codec.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.NoSuchElementException;

/**
 * Walks a run of record batches laid back to back (the {@code records} field of a Produce
 * request or Fetch response, or a slice of a log segment), one batch at a time.
 *
 * <p>It stops quietly at a trailing batch that is not all there, which is how a Fetch response
 * may end; {@link #validBytes()} then says how many bytes of whole batches came before it.
 * {@link #next()} returns the same reused {@link RecordBatch} view each time, so walking
 * allocates nothing per batch; a batch is only good until the next call.
 *
 * <p>Structure is checked as it walks (batchLength at least a header, magic 2); the CRC and
 * the rest are left to {@link RecordBatch#ensureValid()} so that a broker that only needs offsets
 * does not pay for checksums twice. Not thread-safe.
 */
public final class RecordBatchReader {
    private final RecordBatch view = new RecordBatch();
    private ByteBuffer buffer;
    private int start;
    private int limit;
    private int position;

    /** A reader over {@code buffer}'s bytes from its position to its limit. */
    public RecordBatchReader(final ByteBuffer buffer) {
        reset(buffer);
    }

    /** An unpointed reader; call {@link #reset} before walking. */
    public RecordBatchReader() {
    }

    /** Re-points the reader at {@code buffer}'s bytes from its position to its limit. */
    public RecordBatchReader reset(final ByteBuffer buffer) {
        this.buffer = buffer;
        this.start = buffer.position();
        this.limit = buffer.limit();
        this.position = start;
        return this;
    }

    /**
     * Size in bytes of the batch starting at absolute {@code offset}, read from its batchLength
     * field (the batch may not be all there), or -1 when fewer than 12 bytes remain before the
     * buffer's limit.
     *
     * @throws CorruptRecordException if batchLength is negative or too big to be a size
     */
    public static int sizeOfBatchAt(final ByteBuffer buffer, final int offset) {
        if (buffer.limit() - offset < RecordBatch.LOG_OVERHEAD) {
            return -1;
        }
        final int batchLength = buffer.order() == ByteOrder.BIG_ENDIAN
            ? buffer.getInt(offset + RecordBatch.BATCH_LENGTH_OFFSET)
            : Integer.reverseBytes(buffer.getInt(offset + RecordBatch.BATCH_LENGTH_OFFSET));
        if (batchLength < 0 || batchLength > Integer.MAX_VALUE - RecordBatch.LOG_OVERHEAD) {
            throw new CorruptRecordException("batchLength", "impossible batch length " + batchLength
                + " at offset " + offset);
        }
        return batchLength + RecordBatch.LOG_OVERHEAD;
    }

    /**
     * True when a whole batch starts at the current position.
     *
     * @throws CorruptRecordException if the next batch's batchLength is smaller than a header or
     *                                its magic is not 2 (the bytes cannot be walked any further)
     */
    public boolean hasNext() {
        final int size = sizeOfBatchAt(buffer, position);
        if (size < 0) {
            return false;
        }
        if (size < RecordBatch.HEADER_SIZE) {
            throw new CorruptRecordException("batchLength", (size - RecordBatch.LOG_OVERHEAD)
                + " is smaller than the " + RecordBatch.MIN_BATCH_LENGTH + "-byte batch header, at offset " + position);
        }
        if (size > limit - position) {
            return false;
        }
        final byte magic = buffer.get(position + RecordBatch.MAGIC_OFFSET);
        if (magic != RecordBatch.MAGIC_V2) {
            throw new CorruptRecordException("magic", "unsupported record format magic " + magic + " at offset "
                + position + " (only magic 2 record batches are supported)");
        }
        return true;
    }

    /**
     * The next whole batch, as the reused view.
     *
     * @throws NoSuchElementException if {@link #hasNext()} is false
     */
    public RecordBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no whole batch at offset " + position);
        }
        view.wrap(buffer, position);
        position += view.sizeInBytes();
        return view;
    }

    /** Bytes of whole batches walked past so far, from where the reader started. */
    public int validBytes() {
        return position - start;
    }

    /** Absolute offset in the buffer where the next batch would start. */
    public int position() {
        return position;
    }

    /** Bytes after the last whole batch walked: a partial batch, or 0. */
    public int remaining() {
        return limit - position;
    }
}
