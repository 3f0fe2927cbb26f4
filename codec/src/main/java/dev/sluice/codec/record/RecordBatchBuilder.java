package dev.sluice.codec.record;

import dev.sluice.codec.Varints;
import dev.sluice.codec.compress.Compressor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes one magic-2 record batch into a buffer the caller owns (typically a pooled
 * {@code batch.size} buffer): records are appended uncompressed after room for the header, and
 * {@link #close()} compresses the records section as one stream (through the caller's reusable
 * {@link Compressor}), writes the header and the CRC32C, and returns the finished batch.
 *
 * <p>The batch occupies the buffer from its position at construction; the builder writes up to
 * the buffer's limit and never allocates or grows the batch buffer. {@link #hasRoomFor} answers
 * whether a record still fits, both physically (including the codec's worst-case expansion) and
 * under the {@link #writeLimit(int) write limit} by the estimated compressed size. The first
 * record is accepted whenever it physically fits, so a record larger than {@code batch.size}
 * still gets a batch of its own; size its buffer with {@link #estimateSizeInBytes}.
 *
 * <p>Not thread-safe: appends and close must be serialised by the owner (the accumulator's lock).
 * {@code close()} uses the compressor, which must not be in use by another thread at that time.
 */
public final class RecordBatchBuilder {
    private final ByteBuffer buffer;
    private final ByteBuffer writer;
    private final int start;
    private final int capacity;
    private final CompressionType compressionType;
    private final Compressor compressor;
    private final RecordBatch checksumView = new RecordBatch();
    /** The batch buffer's backing array, or null (direct or read-only buffer): records are then written through {@link #writer}. */
    private final byte[] array;
    /** Array index of the writer's position 0; meaningful only when {@link #array} is set. */
    private final int arrayBase;

    private long baseOffset;
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short producerEpoch = RecordBatch.NO_PRODUCER_EPOCH;
    private int baseSequence = RecordBatch.NO_SEQUENCE;
    private boolean transactional;
    private boolean control;
    private int partitionLeaderEpoch = RecordBatch.NO_PARTITION_LEADER_EPOCH;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long logAppendTime = RecordBatch.NO_TIMESTAMP;
    private int writeLimit;
    private float estimatedCompressionRatio = 1.0f;

    private int recordCount;
    private int recordsBytes;
    private long baseTimestamp = RecordBatch.NO_TIMESTAMP;
    private long maxTimestamp = RecordBatch.NO_TIMESTAMP;
    private ByteBuffer built;

    /**
     * @param buffer      where the batch goes, from its position to its limit; the caller owns it
     *                    and must not touch that region until the builder is closed
     * @param type        the codec of the records section
     * @param compressor  a compressor of {@code type}, or null for {@link CompressionType#NONE}
     * @param baseOffset  offset of the first record (producers write 0; the broker assigns offsets)
     */
    public RecordBatchBuilder(final ByteBuffer buffer, final CompressionType type, final Compressor compressor,
                              final long baseOffset) {
        if ((type == CompressionType.NONE) != (compressor == null)
            || compressor != null && compressor.type() != type) {
            throw new IllegalArgumentException("compressor " + (compressor == null ? "null" : compressor.type())
                + " does not match compression type " + type);
        }
        this.buffer = buffer;
        this.start = buffer.position();
        this.capacity = buffer.limit() - start;
        if (capacity < RecordBatch.HEADER_SIZE) {
            throw new IllegalArgumentException("buffer has " + capacity + " bytes, fewer than the "
                + RecordBatch.HEADER_SIZE + "-byte batch header");
        }
        this.writer = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
        this.writer.position(start + RecordBatch.HEADER_SIZE);
        this.array = writer.hasArray() ? writer.array() : null;
        this.arrayBase = array == null ? 0 : writer.arrayOffset();
        this.compressionType = type;
        this.compressor = compressor;
        this.baseOffset = baseOffset;
        this.writeLimit = capacity;
    }

    /** Producer id, epoch and first sequence for idempotent or transactional producers. */
    public RecordBatchBuilder producerState(final long producerId, final short producerEpoch, final int baseSequence) {
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    /** Re-stamps the first sequence (a producer retrying after a sequence reset); allowed until close. */
    public RecordBatchBuilder baseSequence(final int baseSequence) {
        this.baseSequence = baseSequence;
        return this;
    }

    public RecordBatchBuilder transactional(final boolean transactional) {
        this.transactional = transactional;
        return this;
    }

    /** Marks the batch as a control batch (its records are control records, e.g. transaction markers). */
    public RecordBatchBuilder control(final boolean control) {
        this.control = control;
        return this;
    }

    public RecordBatchBuilder partitionLeaderEpoch(final int epoch) {
        this.partitionLeaderEpoch = epoch;
        return this;
    }

    public RecordBatchBuilder baseOffset(final long baseOffset) {
        this.baseOffset = baseOffset;
        return this;
    }

    /** Makes it a LogAppendTime batch: maxTimestamp holds {@code appendTime} (ms), used for every record. */
    public RecordBatchBuilder logAppendTime(final long appendTime) {
        this.timestampType = TimestampType.LOG_APPEND_TIME;
        this.logAppendTime = appendTime;
        return this;
    }

    /**
     * The size (bytes, header included, records at their estimated compressed size) past which
     * {@link #hasRoomFor} says no to a second or later record: {@code batch.size}. Defaults to the
     * buffer's size.
     */
    public RecordBatchBuilder writeLimit(final int writeLimit) {
        this.writeLimit = writeLimit;
        return this;
    }

    /** Expected compressed/uncompressed ratio used by {@link #estimatedSizeInBytes()}; 1.0 by default. */
    public RecordBatchBuilder estimatedCompressionRatio(final float ratio) {
        if (!(ratio > 0f)) {
            throw new IllegalArgumentException("estimated compression ratio must be positive: " + ratio);
        }
        this.estimatedCompressionRatio = ratio;
        return this;
    }

    /**
     * Bytes a batch holding only this record needs, worst-case compression expansion included:
     * the buffer size to ask for when a record does not fit in {@code batch.size}.
     */
    public static int estimateSizeInBytes(final CompressionType type, final int keySize, final int valueSize,
                                          final Header[] headers) {
        final int record = Records.maxSizeOf(keySize, valueSize, Records.orEmpty(headers));
        return RecordBatch.HEADER_SIZE + Math.max(record, Compressor.maxCompressedLength(type, record));
    }

    /** Bytes the batch would take if closed now: exact for none, by the estimated ratio otherwise. */
    public int estimatedSizeInBytes() {
        if (built != null) {
            return built.remaining();
        }
        if (compressionType == CompressionType.NONE) {
            return RecordBatch.HEADER_SIZE + recordsBytes;
        }
        return RecordBatch.HEADER_SIZE + (int) (recordsBytes * estimatedCompressionRatio);
    }

    public int recordCount() {
        return recordCount;
    }

    /** Bytes of records written so far, uncompressed. */
    public int uncompressedRecordsBytes() {
        return recordsBytes;
    }

    public boolean isClosed() {
        return built != null;
    }

    public CompressionType compressionType() {
        return compressionType;
    }

    public boolean hasRoomFor(final long timestamp, final ByteBuffer key, final ByteBuffer value, final Header[] headers) {
        return hasRoomFor(timestamp, Records.sizeOf(key), Records.sizeOf(value), Records.orEmpty(headers));
    }

    public boolean hasRoomFor(final long timestamp, final byte[] key, final byte[] value, final Header[] headers) {
        return hasRoomFor(timestamp, Records.sizeOf(key), Records.sizeOf(value), Records.orEmpty(headers));
    }

    private boolean hasRoomFor(final long timestamp, final int keySize, final int valueSize, final Header[] headers) {
        if (built != null) {
            return false;
        }
        final long delta = recordCount == 0 ? 0 : timestamp - baseTimestamp;
        final int size = Records.sizeOf(recordCount, delta, keySize, valueSize, headers);
        if (!fitsPhysically((long) recordsBytes + size)) {
            return false;
        }
        if (recordCount == 0) {
            return true;
        }
        final long estimated = compressionType == CompressionType.NONE
            ? (long) recordsBytes + size
            : (long) ((recordsBytes + (long) size) * (double) estimatedCompressionRatio);
        return RecordBatch.HEADER_SIZE + estimated <= writeLimit;
    }

    private boolean fitsPhysically(final long records) {
        if (records > Integer.MAX_VALUE / 2) {
            return false;
        }
        final long section = Math.max(records, Compressor.maxCompressedLength(compressionType, (int) records));
        return RecordBatch.HEADER_SIZE + section <= capacity;
    }

    /**
     * Appends a record with the next offset. Keys and values are read from their position to
     * their limit without moving either; null means a null key or value.
     *
     * @return the record's offset
     * @throws IllegalStateException if the builder is closed or the record does not fit (check
     *                               {@link #hasRoomFor} first)
     */
    public long append(final long timestamp, final ByteBuffer key, final ByteBuffer value, final Header[] headers) {
        final Header[] all = Records.orEmpty(headers);
        beginAppend(timestamp, Records.sizeOf(key), Records.sizeOf(value), all);
        writeField(key);
        writeField(value);
        return endAppend(timestamp, all);
    }

    /** As {@link #append(long, ByteBuffer, ByteBuffer, Header[])}, for arrays. */
    public long append(final long timestamp, final byte[] key, final byte[] value, final Header[] headers) {
        final Header[] all = Records.orEmpty(headers);
        beginAppend(timestamp, Records.sizeOf(key), Records.sizeOf(value), all);
        writeField(key);
        writeField(value);
        return endAppend(timestamp, all);
    }

    private void beginAppend(final long timestamp, final int keySize, final int valueSize, final Header[] headers) {
        if (built != null) {
            throw new IllegalStateException("batch is already closed");
        }
        if (timestamp < 0 && timestamp != RecordBatch.NO_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp: invalid negative value " + timestamp);
        }
        if (recordCount == Integer.MAX_VALUE) {
            throw new IllegalStateException("batch already holds the most records a batch can count");
        }
        final long delta = recordCount == 0 ? 0 : timestamp - baseTimestamp;
        final int body = Records.sizeOfBody(recordCount, delta, keySize, valueSize, headers);
        final int size = Varints.sizeOfVarint(body) + body;
        if (!fitsPhysically((long) recordsBytes + size)) {
            throw new IllegalStateException("record of " + size + " bytes does not fit in the batch buffer of "
                + capacity + " bytes (" + recordsBytes + " used); check hasRoomFor or size the buffer with estimateSizeInBytes");
        }
        final ByteBuffer w = writer;
        if (array != null) {
            // Room was checked above, so the record's head goes straight into the array.
            int i = arrayBase + w.position();
            i = Varints.writeVarint(body, array, i);
            array[i++] = 0;
            i = Varints.writeVarlong(delta, array, i);
            i = Varints.writeVarint(recordCount, array, i);
            w.position(i - arrayBase);
            return;
        }
        Varints.writeVarint(body, w);
        w.put((byte) 0);
        Varints.writeVarlong(delta, w);
        Varints.writeVarint(recordCount, w);
    }

    private void writeField(final ByteBuffer bytes) {
        if (bytes == null) {
            Varints.writeVarint(-1, writer);
            return;
        }
        final int length = bytes.remaining();
        Varints.writeVarint(length, writer);
        writer.put(writer.position(), bytes, bytes.position(), length);
        writer.position(writer.position() + length);
    }

    private void writeField(final byte[] bytes) {
        if (array != null) {
            int i = arrayBase + writer.position();
            if (bytes == null) {
                i = Varints.writeVarint(-1, array, i);
            } else {
                i = Varints.writeVarint(bytes.length, array, i);
                System.arraycopy(bytes, 0, array, i, bytes.length);
                i += bytes.length;
            }
            writer.position(i - arrayBase);
            return;
        }
        if (bytes == null) {
            Varints.writeVarint(-1, writer);
            return;
        }
        Varints.writeVarint(bytes.length, writer);
        writer.put(bytes);
    }

    private long endAppend(final long timestamp, final Header[] headers) {
        Varints.writeVarint(headers.length, writer);
        for (final Header header : headers) {
            writeField(header.keyBytes());
            writeField(header.value());
        }
        if (recordCount == 0) {
            baseTimestamp = timestamp;
        }
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        recordsBytes = writer.position() - start - RecordBatch.HEADER_SIZE;
        return baseOffset + recordCount++;
    }

    /**
     * Finishes the batch: compresses the records section, writes the header and CRC. Idempotent.
     *
     * @return the batch, a view of the caller's buffer with position 0 and limit its size
     */
    public ByteBuffer close() {
        if (built != null) {
            return built.duplicate();
        }
        final int recordsOffset = start + RecordBatch.HEADER_SIZE;
        int recordsLength = recordsBytes;
        if (compressor != null && recordCount > 0) {
            recordsLength = compressor.compressInPlace(writer.limit(start + capacity), recordsOffset, recordsBytes);
        }
        final int size = RecordBatch.HEADER_SIZE + recordsLength;
        final ByteBuffer w = writer;
        w.limit(start + capacity);
        w.putLong(start + RecordBatch.BASE_OFFSET_OFFSET, baseOffset);
        w.putInt(start + RecordBatch.BATCH_LENGTH_OFFSET, size - RecordBatch.LOG_OVERHEAD);
        w.putInt(start + RecordBatch.PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
        w.put(start + RecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC_V2);
        w.putShort(start + RecordBatch.ATTRIBUTES_OFFSET, attributes());
        w.putInt(start + RecordBatch.LAST_OFFSET_DELTA_OFFSET, recordCount == 0 ? 0 : recordCount - 1);
        w.putLong(start + RecordBatch.BASE_TIMESTAMP_OFFSET, baseTimestamp);
        w.putLong(start + RecordBatch.MAX_TIMESTAMP_OFFSET,
            timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp);
        w.putLong(start + RecordBatch.PRODUCER_ID_OFFSET, producerId);
        w.putShort(start + RecordBatch.PRODUCER_EPOCH_OFFSET, producerEpoch);
        w.putInt(start + RecordBatch.BASE_SEQUENCE_OFFSET, baseSequence);
        w.putInt(start + RecordBatch.RECORDS_COUNT_OFFSET, recordCount);
        w.limit(start + size).position(start);
        built = w.slice().order(ByteOrder.BIG_ENDIAN);
        checksumView.wrap(built, 0).writeChecksum();
        return built.duplicate();
    }

    private short attributes() {
        int attributes = compressionType.id();
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            attributes |= RecordBatch.TIMESTAMP_TYPE_MASK;
        }
        if (transactional) {
            attributes |= RecordBatch.TRANSACTIONAL_FLAG_MASK;
        }
        if (control) {
            attributes |= RecordBatch.CONTROL_FLAG_MASK;
        }
        return (short) attributes;
    }

    /** Compressed (or exact) records size divided by uncompressed, after close; 1.0 before. */
    public float compressionRatio() {
        if (built == null || recordsBytes == 0) {
            return 1.0f;
        }
        return (float) (built.remaining() - RecordBatch.HEADER_SIZE) / recordsBytes;
    }
}
