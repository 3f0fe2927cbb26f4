package dev.sluice.codec.record;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.Varints;
import dev.sluice.codec.compress.DecompressionContext;
import java.nio.ByteBuffer;
import java.util.NoSuchElementException;

/**
 * Iterates the records of one batch, checking every length against the bytes that are really
 * there: a record that runs past its data, a count that does not match, or a compressed section
 * that is garbage or inflates past the cap is a {@link CorruptRecordException} naming the field.
 *
 * <p>A compressed batch is decompressed on the first {@link #hasNext()}/{@link #next()} into the
 * {@link DecompressionContext}'s reusable buffer, so records of a compressed batch are only valid
 * until the context is used again. {@link #next()} returns one reused {@link Record}. Call
 * {@link RecordBatch#ensureValid()} before iterating bytes that came off the wire. Not
 * thread-safe: one iterator (and one context) per consumer thread.
 */
public final class RecordIterator {
    private final DecompressionContext context;
    private final Record record = new Record();

    private ByteBuffer source;
    private ByteBuffer sourceReader;
    private ByteBuffer sourceReaderOf;
    private ByteBuffer data;
    private CompressionType compression;
    private int sectionOffset;
    private int sectionLength;
    private int sectionEnd;
    private int cursor;
    private long baseOffset;
    private long baseTimestamp;
    private long maxTimestamp;
    private boolean logAppendTime;
    private boolean control;
    private int count;
    private int index;
    private boolean ready;

    /** @param context decompression state for compressed batches; may be null if only uncompressed batches are read */
    public RecordIterator(final DecompressionContext context) {
        this.context = context;
    }

    /** Starts iterating {@code batch}; the batch's fields are copied, so the view may be re-wrapped afterwards. */
    public RecordIterator reset(final RecordBatch batch) {
        this.source = batch.buffer();
        this.compression = batch.compressionType();
        this.sectionOffset = batch.recordsOffset();
        this.sectionLength = batch.recordsLength();
        this.baseOffset = batch.baseOffset();
        this.baseTimestamp = batch.baseTimestamp();
        this.maxTimestamp = batch.maxTimestamp();
        this.logAppendTime = batch.timestampType() == TimestampType.LOG_APPEND_TIME;
        this.control = batch.isControl();
        this.count = batch.recordCount();
        this.index = 0;
        this.ready = false;
        if (count < 0) {
            throw new CorruptRecordException("recordsCount", "negative: " + count);
        }
        if (sectionLength < 0) {
            throw new CorruptRecordException("batchLength", "shorter than the batch header");
        }
        if (sectionLength > source.limit() - sectionOffset) {
            throw new CorruptRecordException("batchLength", "batch runs past the end of its buffer");
        }
        return this;
    }

    /** True when the batch being iterated is a control batch (its records are not for applications). */
    public boolean isControl() {
        return control;
    }

    public boolean hasNext() {
        return index < count;
    }

    /**
     * The next record, as the reused view.
     *
     * @throws CorruptRecordException if the record's bytes are inconsistent
     * @throws NoSuchElementException after the last record
     */
    public Record next() {
        if (index >= count) {
            throw new NoSuchElementException("batch has " + count + " records");
        }
        if (!ready) {
            prepare();
        }
        // The buffer's limit stays at the end of the section: every varint read is bounded by it,
        // and each field is then checked against the record's own end. Kept lean (failures are
        // built in separate methods) so the JIT inlines it into the caller's loop.
        final ByteBuffer b = data;
        final int recordStart = cursor;
        if (recordStart >= sectionEnd) {
            throw countMismatch();
        }
        b.position(recordStart);
        final int length = readVarint(b, "record.length");
        final int bodyStart = b.position();
        if (length <= 0 || length > sectionEnd - bodyStart) {
            throw outOfBounds("record.length", length, sectionEnd - bodyStart);
        }
        final int recordEnd = bodyStart + length;
        b.position(bodyStart + 1);
        parseBody(b, recordEnd, length);
        record.sizeInBytes = recordEnd - recordStart;
        cursor = recordEnd;
        if (++index == count && cursor != sectionEnd) {
            throw trailingBytes();
        }
        return record;
    }

    /** Reads attributes-onwards of one record into the view; split from next() so both stay small enough to inline. */
    private void parseBody(final ByteBuffer b, final int recordEnd, final int length) {
        final long timestampDelta = readVarlong(b, "record.timestampDelta");
        final int offsetDelta = readVarint(b, "record.offsetDelta");
        final Record r = record;
        final int keySize = readLength(b, recordEnd, "record.keyLength");
        final int keyOffset = b.position();
        b.position(keyOffset + (keySize < 0 ? 0 : keySize));
        final int valueSize = readLength(b, recordEnd, "record.valueLength");
        final int valueOffset = b.position();
        b.position(valueOffset + (valueSize < 0 ? 0 : valueSize));
        final int headerCount = readVarint(b, "record.headersCount");
        final int headersOffset = b.position();
        if (headerCount != 0) {
            skipHeaders(b, headerCount, recordEnd);
        }
        if (b.position() != recordEnd) {
            throw lengthMismatch(length, b.position() - (recordEnd - length));
        }
        r.buffer = b;
        r.keySize = keySize;
        r.keyOffset = keyOffset;
        r.valueSize = valueSize;
        r.valueOffset = valueOffset;
        r.headerCount = headerCount;
        r.headersOffset = headersOffset;
        r.offset = baseOffset + offsetDelta;
        r.timestamp = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
    }

    private static void skipHeaders(final ByteBuffer b, final int headerCount, final int recordEnd) {
        if (headerCount < 0 || headerCount > (recordEnd - b.position()) / 2) {
            throw new CorruptRecordException("record.headersCount", headerCount + " headers cannot fit in the "
                + (recordEnd - b.position()) + " bytes left in the record");
        }
        for (int i = 0; i < headerCount; i++) {
            final int keyLength = readLength(b, recordEnd, "header.keyLength");
            if (keyLength < 0) {
                throw new CorruptRecordException("header.keyLength", "header keys cannot be null");
            }
            b.position(b.position() + keyLength);
            final int valueLength = readLength(b, recordEnd, "header.valueLength");
            b.position(b.position() + Math.max(0, valueLength));
        }
    }

    private CorruptRecordException countMismatch() {
        return new CorruptRecordException("recordsCount", "batch declares " + count + " records but its data ends after "
            + index);
    }

    private CorruptRecordException trailingBytes() {
        return new CorruptRecordException("recordsCount", (sectionEnd - cursor) + " bytes are left after the "
            + count + " records the batch declares");
    }

    private static CorruptRecordException lengthMismatch(final int declared, final int actual) {
        return new CorruptRecordException("record.length", "declares " + declared + " bytes but its fields take "
            + actual);
    }

    private static CorruptRecordException outOfBounds(final String field, final int length, final int available) {
        return new CorruptRecordException(field, length + " does not fit in the " + available
            + " bytes left");
    }

    private void prepare() {
        if (compression == CompressionType.NONE) {
            if (sourceReaderOf != source) {
                // One duplicate per distinct batch buffer: iterating the batches of one fetch
                // response allocates it once, not once per batch.
                sourceReader = source.duplicate();
                sourceReaderOf = source;
            }
            data = sourceReader;
            cursor = sectionOffset;
            sectionEnd = sectionOffset + sectionLength;
            data.limit(sectionEnd);
        } else {
            if (context == null) {
                throw new IllegalStateException("a DecompressionContext is needed to read " + compression.configName()
                    + " batches");
            }
            data = context.decompress(compression, source, sectionOffset, sectionLength);
            cursor = 0;
            sectionEnd = data.limit();
            // Each record takes at least 7 bytes, so a count this large is a lie.
            if ((long) count * RecordBatch.MIN_RECORD_SIZE > sectionEnd) {
                throw new CorruptRecordException("recordsCount", count + " records cannot fit in " + sectionEnd
                    + " decompressed bytes");
            }
        }
        ready = true;
    }

    /** A length varint that must be -1 (null) or fit before {@code end}. */
    private static int readLength(final ByteBuffer b, final int end, final String field) {
        final int length = readVarint(b, field);
        if (length < -1 || length > end - b.position()) {
            throw outOfBounds(field, length, end - b.position());
        }
        return length;
    }

    private static int readVarint(final ByteBuffer b, final String field) {
        try {
            return Varints.readVarint(b, field);
        } catch (final CorruptRecordException e) {
            throw e;
        } catch (final MalformedDataException e) {
            throw new CorruptRecordException(field, e.getMessage(), e);
        }
    }

    private static long readVarlong(final ByteBuffer b, final String field) {
        try {
            return Varints.readVarlong(b, field);
        } catch (final MalformedDataException e) {
            throw new CorruptRecordException(field, e.getMessage(), e);
        }
    }
}
