package dev.sluice.codec.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * A reusable flyweight over one magic-2 record batch in a {@link ByteBuffer}: reads and patches
 * the 61-byte header in place with absolute, big-endian indexing, and verifies the CRC32C.
 *
 * <p>The view never copies the batch and never moves the buffer's position or limit. The region
 * it covers runs from the offset given to {@link #wrap} to the buffer's limit; the batch itself
 * is the first {@link #sizeInBytes()} bytes of that region. Accessors read straight from the
 * buffer, so they show whatever the buffer holds now: call {@link #ensureValid()} before
 * trusting anything read from the wire.
 *
 * <p>Not thread-safe: one instance per thread, re-pointed with {@link #wrap} as often as needed
 * (wrapping a heap buffer allocates nothing).
 */
public final class RecordBatch {
    public static final int BASE_OFFSET_OFFSET = 0;
    public static final int BASE_OFFSET_LENGTH = 8;
    public static final int BATCH_LENGTH_OFFSET = BASE_OFFSET_OFFSET + BASE_OFFSET_LENGTH;
    public static final int BATCH_LENGTH_LENGTH = 4;
    public static final int PARTITION_LEADER_EPOCH_OFFSET = BATCH_LENGTH_OFFSET + BATCH_LENGTH_LENGTH;
    public static final int PARTITION_LEADER_EPOCH_LENGTH = 4;
    public static final int MAGIC_OFFSET = PARTITION_LEADER_EPOCH_OFFSET + PARTITION_LEADER_EPOCH_LENGTH;
    public static final int MAGIC_LENGTH = 1;
    public static final int CRC_OFFSET = MAGIC_OFFSET + MAGIC_LENGTH;
    public static final int CRC_LENGTH = 4;
    public static final int ATTRIBUTES_OFFSET = CRC_OFFSET + CRC_LENGTH;
    public static final int ATTRIBUTES_LENGTH = 2;
    public static final int LAST_OFFSET_DELTA_OFFSET = ATTRIBUTES_OFFSET + ATTRIBUTES_LENGTH;
    public static final int LAST_OFFSET_DELTA_LENGTH = 4;
    public static final int BASE_TIMESTAMP_OFFSET = LAST_OFFSET_DELTA_OFFSET + LAST_OFFSET_DELTA_LENGTH;
    public static final int BASE_TIMESTAMP_LENGTH = 8;
    public static final int MAX_TIMESTAMP_OFFSET = BASE_TIMESTAMP_OFFSET + BASE_TIMESTAMP_LENGTH;
    public static final int MAX_TIMESTAMP_LENGTH = 8;
    public static final int PRODUCER_ID_OFFSET = MAX_TIMESTAMP_OFFSET + MAX_TIMESTAMP_LENGTH;
    public static final int PRODUCER_ID_LENGTH = 8;
    public static final int PRODUCER_EPOCH_OFFSET = PRODUCER_ID_OFFSET + PRODUCER_ID_LENGTH;
    public static final int PRODUCER_EPOCH_LENGTH = 2;
    public static final int BASE_SEQUENCE_OFFSET = PRODUCER_EPOCH_OFFSET + PRODUCER_EPOCH_LENGTH;
    public static final int BASE_SEQUENCE_LENGTH = 4;
    public static final int RECORDS_COUNT_OFFSET = BASE_SEQUENCE_OFFSET + BASE_SEQUENCE_LENGTH;
    public static final int RECORDS_COUNT_LENGTH = 4;
    public static final int RECORDS_OFFSET = RECORDS_COUNT_OFFSET + RECORDS_COUNT_LENGTH;
    /** Bytes of header before the records: 61. */
    public static final int HEADER_SIZE = RECORDS_OFFSET;
    /** Bytes before and including batchLength, which batchLength does not count: 12. */
    public static final int LOG_OVERHEAD = BATCH_LENGTH_OFFSET + BATCH_LENGTH_LENGTH;
    /** The smallest legal batchLength: a header with no records. */
    public static final int MIN_BATCH_LENGTH = HEADER_SIZE - LOG_OVERHEAD;

    public static final byte MAGIC_V2 = 2;
    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_PRODUCER_EPOCH = -1;
    public static final int NO_SEQUENCE = -1;
    public static final int NO_PARTITION_LEADER_EPOCH = -1;
    public static final long NO_TIMESTAMP = -1L;

    static final int COMPRESSION_CODEC_MASK = 0x07;
    static final int TIMESTAMP_TYPE_MASK = 0x08;
    static final int TRANSACTIONAL_FLAG_MASK = 0x10;
    static final int CONTROL_FLAG_MASK = 0x20;
    static final int DELETE_HORIZON_FLAG_MASK = 0x40;

    /** Fewest bytes one record can take: length, attributes, three deltas, two -1 lengths, count. */
    static final int MIN_RECORD_SIZE = 7;

    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer;
    private ByteBuffer bigEndian;
    private ByteBuffer crcView;
    private int offset;

    /**
     * Points this view at the batch starting at {@code offset} (absolute) in {@code buffer}.
     * The buffer's position, limit and byte order are left alone.
     *
     * @return this view
     */
    public RecordBatch wrap(final ByteBuffer buffer, final int offset) {
        if (offset < 0 || offset > buffer.limit()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the buffer's limit " + buffer.limit());
        }
        if (buffer != this.buffer) {
            this.buffer = buffer;
            this.bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
            this.crcView = null;
        }
        this.offset = offset;
        return this;
    }

    /** The buffer this view reads from. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Absolute offset of the batch's first byte in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Bytes from the batch's first byte to the buffer's limit. */
    public int regionLength() {
        return buffer.limit() - offset;
    }

    public long baseOffset() {
        return bigEndian.getLong(offset + BASE_OFFSET_OFFSET);
    }

    /** Bytes after the batchLength field up to the end of the batch. */
    public int batchLength() {
        return bigEndian.getInt(offset + BATCH_LENGTH_OFFSET);
    }

    /** The whole batch's size in bytes: batchLength + 12. */
    public int sizeInBytes() {
        return batchLength() + LOG_OVERHEAD;
    }

    public int partitionLeaderEpoch() {
        return bigEndian.getInt(offset + PARTITION_LEADER_EPOCH_OFFSET);
    }

    public byte magic() {
        return bigEndian.get(offset + MAGIC_OFFSET);
    }

    /** The stored CRC32C, unsigned. */
    public long crc() {
        return bigEndian.getInt(offset + CRC_OFFSET) & 0xffffffffL;
    }

    public short attributes() {
        return bigEndian.getShort(offset + ATTRIBUTES_OFFSET);
    }

    /** @throws CorruptRecordException if the codec bits hold an unknown id (5-7) */
    public CompressionType compressionType() {
        return CompressionType.forId(attributes() & COMPRESSION_CODEC_MASK);
    }

    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_MASK) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    /** True for a batch holding a control record (transaction marker): never shown to applications. */
    public boolean isControl() {
        return (attributes() & CONTROL_FLAG_MASK) != 0;
    }

    /** True when compaction stored a delete horizon in baseTimestamp. */
    public boolean hasDeleteHorizon() {
        return (attributes() & DELETE_HORIZON_FLAG_MASK) != 0;
    }

    public int lastOffsetDelta() {
        return bigEndian.getInt(offset + LAST_OFFSET_DELTA_OFFSET);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    /** The offset after this batch's last: where the next batch in the log starts. */
    public long nextOffset() {
        return lastOffset() + 1;
    }

    /** Timestamp of the first record in ms, or -1 for an empty batch. */
    public long baseTimestamp() {
        return bigEndian.getLong(offset + BASE_TIMESTAMP_OFFSET);
    }

    /** Highest record timestamp in ms (CreateTime), or the broker's append time (LogAppendTime). */
    public long maxTimestamp() {
        return bigEndian.getLong(offset + MAX_TIMESTAMP_OFFSET);
    }

    public long producerId() {
        return bigEndian.getLong(offset + PRODUCER_ID_OFFSET);
    }

    public short producerEpoch() {
        return bigEndian.getShort(offset + PRODUCER_EPOCH_OFFSET);
    }

    public int baseSequence() {
        return bigEndian.getInt(offset + BASE_SEQUENCE_OFFSET);
    }

    /** Sequence of the last record, wrapping past Integer.MAX_VALUE to 0 as Kafka's does; -1 if none. */
    public int lastSequence() {
        final int base = baseSequence();
        if (base == NO_SEQUENCE) {
            return NO_SEQUENCE;
        }
        return incrementSequence(base, lastOffsetDelta());
    }

    static int incrementSequence(final int sequence, final int increment) {
        if (sequence > Integer.MAX_VALUE - increment) {
            return increment - (Integer.MAX_VALUE - sequence) - 1;
        }
        return sequence + increment;
    }

    /** Number of records, as stored in the header (never compressed). */
    public int recordCount() {
        return bigEndian.getInt(offset + RECORDS_COUNT_OFFSET);
    }

    /** Absolute offset in {@link #buffer()} of the records section (compressed or not). */
    public int recordsOffset() {
        return offset + RECORDS_OFFSET;
    }

    /** Bytes of the records section (compressed size for a compressed batch). */
    public int recordsLength() {
        return sizeInBytes() - HEADER_SIZE;
    }

    /** Sets the offset of the first record; outside the CRC, so the checksum stays valid. */
    public RecordBatch baseOffset(final long baseOffset) {
        bigEndian.putLong(offset + BASE_OFFSET_OFFSET, baseOffset);
        return this;
    }

    /** Sets the leader epoch; outside the CRC, so the checksum stays valid. */
    public RecordBatch partitionLeaderEpoch(final int epoch) {
        bigEndian.putInt(offset + PARTITION_LEADER_EPOCH_OFFSET, epoch);
        return this;
    }

    /**
     * Marks the batch LogAppendTime with this append time (ms) in maxTimestamp, as a broker does
     * for topics with {@code message.timestamp.type=LogAppendTime}, and rewrites the CRC. Does
     * nothing when both already hold, so a valid CRC is not touched needlessly.
     */
    public RecordBatch maxTimestampAndLogAppendTime(final long appendTime) {
        final short attributes = attributes();
        if ((attributes & TIMESTAMP_TYPE_MASK) != 0 && maxTimestamp() == appendTime) {
            return this;
        }
        bigEndian.putShort(offset + ATTRIBUTES_OFFSET, (short) (attributes | TIMESTAMP_TYPE_MASK));
        bigEndian.putLong(offset + MAX_TIMESTAMP_OFFSET, appendTime);
        writeChecksum();
        return this;
    }

    /** Computes and stores the CRC32C over attributes..end. */
    public RecordBatch writeChecksum() {
        bigEndian.putInt(offset + CRC_OFFSET, (int) computeChecksum());
        return this;
    }

    /**
     * CRC32C of the bytes from attributes to the end of the batch, as batchLength says.
     * The caller must have checked that the batch fits in the region.
     */
    public long computeChecksum() {
        final int start = offset + ATTRIBUTES_OFFSET;
        final int length = sizeInBytes() - ATTRIBUTES_OFFSET;
        crc.reset();
        if (buffer.hasArray()) {
            crc.update(buffer.array(), buffer.arrayOffset() + start, length);
        } else {
            if (crcView == null) {
                crcView = buffer.duplicate();
            }
            crcView.limit(start + length).position(start);
            crc.update(crcView);
        }
        return crc.getValue();
    }

    /** True when {@link #ensureValid()} would not throw. */
    public boolean isValid() {
        try {
            ensureValid();
            return true;
        } catch (final CorruptRecordException e) {
            return false;
        }
    }

    /**
     * Checks that this is a whole, intact magic-2 batch: the header fits, magic is 2, batchLength
     * covers at least the header and fits in the region, the CRC32C matches, the codec id is
     * known, recordCount and lastOffsetDelta are consistent. Does not look inside the records.
     *
     * @throws CorruptRecordException naming the first field that is wrong
     */
    public void ensureValid() {
        final int region = regionLength();
        if (region < LOG_OVERHEAD + PARTITION_LEADER_EPOCH_LENGTH + MAGIC_LENGTH) {
            throw new CorruptRecordException("batchLength", "only " + region + " bytes, too few for a batch header");
        }
        final byte magic = magic();
        if (magic != MAGIC_V2) {
            throw new CorruptRecordException("magic", "unsupported record format magic " + magic
                + " (only magic 2, Kafka 0.11+ record batches, is supported)");
        }
        final int batchLength = batchLength();
        if (batchLength < MIN_BATCH_LENGTH) {
            throw new CorruptRecordException("batchLength", batchLength + " is smaller than the " + MIN_BATCH_LENGTH
                + "-byte batch header");
        }
        if (batchLength > region - LOG_OVERHEAD) {
            throw new CorruptRecordException("batchLength", batchLength + " runs past the data: only "
                + (region - LOG_OVERHEAD) + " bytes follow it");
        }
        final long stored = crc();
        final long computed = computeChecksum();
        if (stored != computed) {
            throw new CorruptRecordException("crc", "stored " + stored + " but the batch's CRC32C is " + computed);
        }
        final CompressionType compression = compressionType();
        final int count = recordCount();
        if (count < 0) {
            throw new CorruptRecordException("recordsCount", "negative: " + count);
        }
        final int lastOffsetDelta = lastOffsetDelta();
        if (lastOffsetDelta < 0) {
            throw new CorruptRecordException("lastOffsetDelta", "negative: " + lastOffsetDelta);
        }
        if (count > 0 && lastOffsetDelta < count - 1) {
            throw new CorruptRecordException("lastOffsetDelta", lastOffsetDelta + " is too small for "
                + count + " records, whose offset deltas strictly increase");
        }
        if (compression == CompressionType.NONE && (long) count * MIN_RECORD_SIZE > batchLength - MIN_BATCH_LENGTH) {
            throw new CorruptRecordException("recordsCount", count + " records cannot fit in "
                + (batchLength - MIN_BATCH_LENGTH) + " bytes");
        }
    }

    @Override
    public String toString() {
        if (buffer == null) {
            return "RecordBatch(unwrapped)";
        }
        if (regionLength() < HEADER_SIZE) {
            return "RecordBatch(truncated, " + regionLength() + " bytes at " + offset + ")";
        }
        return "RecordBatch(baseOffset=" + baseOffset() + ", lastOffset=" + lastOffset() + ", count=" + recordCount()
            + ", size=" + sizeInBytes() + ", magic=" + magic() + ", attributes=" + attributes()
            + ", producerId=" + producerId() + ")";
    }
}
