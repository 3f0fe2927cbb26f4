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
    /** What records are parsed from: data's backing array, or a copy of the section when data has none. */
    private byte[] array;
    /** Subtracted from an index into {@link #array} to give the index into {@link #data} that records hand out. */
    private int arrayBase;
    private byte[] directCopy = new byte[0];
    private CompressionType compression;
    private int sectionOffset;
    private int sectionLength;
    /** Index into {@link #array} just past the records section. */
    private int sectionEnd;
    /** Index into {@link #array} of the next record. */
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
        // Parsed straight off the backing array with absolute indexes (no ByteBuffer position
        // traffic): every varint read is bounded by the record's own end, and every length is
        // checked against what is left before it is used. Kept lean (failures are built in
        // separate methods) so the JIT inlines it into the caller's loop.
        final byte[] a = array;
        final int end = sectionEnd;
        final int recordStart = cursor;
        if (recordStart >= end) {
            throw countMismatch();
        }
        final long lengthRead = readVarint(a, recordStart, end, "record.length");
        final int length = Varints.value(lengthRead);
        final int bodyStart = Varints.nextIndex(lengthRead);
        if (length <= 0 || length > end - bodyStart) {
            throw outOfBounds("record.length", length, end - bodyStart);
        }
        final int recordEnd = bodyStart + length;
        // bodyStart is the attributes byte, which records leave unused.
        parseBody(a, bodyStart + 1, recordEnd, length);
        record.sizeInBytes = recordEnd - recordStart;
        cursor = recordEnd;
        if (++index == count && recordEnd != end) {
            throw trailingBytes();
        }
        return record;
    }

    /** Reads timestampDelta-onwards of one record into the view; split from next() so both stay small enough to inline. */
    private void parseBody(final byte[] a, final int timestampDeltaStart, final int recordEnd, final int length) {
        final long timestampDelta = readVarlong(a, timestampDeltaStart, recordEnd, "record.timestampDelta");
        final long offsetDeltaRead = readVarint(a, Varints.endOfVarint(a, timestampDeltaStart), recordEnd,
            "record.offsetDelta");
        final long keyRead = readLength(a, Varints.nextIndex(offsetDeltaRead), recordEnd, "record.keyLength");
        final int keySize = Varints.value(keyRead);
        final int keyOffset = Varints.nextIndex(keyRead);
        final long valueRead = readLength(a, keyOffset + Math.max(0, keySize), recordEnd, "record.valueLength");
        final int valueSize = Varints.value(valueRead);
        final int valueOffset = Varints.nextIndex(valueRead);
        final long headerCountRead = readVarint(a, valueOffset + Math.max(0, valueSize), recordEnd,
            "record.headersCount");
        final int headerCount = Varints.value(headerCountRead);
        final int headersOffset = Varints.nextIndex(headerCountRead);
        final int fieldsEnd = headerCount == 0 ? headersOffset : skipHeaders(a, headersOffset, headerCount, recordEnd);
        if (fieldsEnd != recordEnd) {
            throw lengthMismatch(length, fieldsEnd - (recordEnd - length));
        }
        final int base = arrayBase;
        final Record r = record;
        r.buffer = data;
        r.keySize = keySize;
        r.keyOffset = keyOffset - base;
        r.valueSize = valueSize;
        r.valueOffset = valueOffset - base;
        r.headerCount = headerCount;
        r.headersOffset = headersOffset - base;
        r.offset = baseOffset + Varints.value(offsetDeltaRead);
        r.timestamp = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
    }

    /** Checks and skips {@code headerCount} headers starting at {@code start}; returns the index after them. */
    private static int skipHeaders(final byte[] a, final int start, final int headerCount, final int recordEnd) {
        if (headerCount < 0 || headerCount > (recordEnd - start) / 2) {
            throw new CorruptRecordException("record.headersCount", headerCount + " headers cannot fit in the "
                + (recordEnd - start) + " bytes left in the record");
        }
        int pos = start;
        for (int i = 0; i < headerCount; i++) {
            final long keyRead = readLength(a, pos, recordEnd, "header.keyLength");
            final int keyLength = Varints.value(keyRead);
            if (keyLength < 0) {
                throw new CorruptRecordException("header.keyLength", "header keys cannot be null");
            }
            final long valueRead = readLength(a, Varints.nextIndex(keyRead) + keyLength, recordEnd, "header.valueLength");
            pos = Varints.nextIndex(valueRead) + Math.max(0, Varints.value(valueRead));
        }
        return pos;
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
            final int end = sectionOffset + sectionLength;
            data.limit(end);
            if (data.hasArray()) {
                array = data.array();
                arrayBase = data.arrayOffset();
                cursor = arrayBase + sectionOffset;
                sectionEnd = arrayBase + end;
            } else {
                // No backing array (a direct buffer): parse a copy of the section, but hand out
                // offsets into the batch's own buffer, so records read the same either way.
                if (directCopy.length < sectionLength) {
                    directCopy = new byte[sectionLength];
                }
                data.get(sectionOffset, directCopy, 0, sectionLength);
                array = directCopy;
                arrayBase = -sectionOffset;
                cursor = 0;
                sectionEnd = sectionLength;
            }
        } else {
            if (context == null) {
                throw new IllegalStateException("a DecompressionContext is needed to read " + compression.configName()
                    + " batches");
            }
            data = context.decompress(compression, source, sectionOffset, sectionLength);
            array = data.array();
            arrayBase = data.arrayOffset();
            cursor = arrayBase;
            sectionEnd = arrayBase + data.limit();
            // Each record takes at least 7 bytes, so a count this large is a lie.
            if ((long) count * RecordBatch.MIN_RECORD_SIZE > data.limit()) {
                throw new CorruptRecordException("recordsCount", count + " records cannot fit in " + data.limit()
                    + " decompressed bytes");
            }
        }
        ready = true;
    }

    /** A length varint that must be -1 (null) or fit before {@code end}; packed as {@link Varints} returns it. */
    private static long readLength(final byte[] a, final int index, final int end, final String field) {
        final long read = readVarint(a, index, end, field);
        final int length = Varints.value(read);
        final int left = end - Varints.nextIndex(read);
        if (length < -1 || length > left) {
            throw outOfBounds(field, length, left);
        }
        return read;
    }

    private static long readVarint(final byte[] a, final int index, final int end, final String field) {
        try {
            return Varints.readVarint(a, index, end, field);
        } catch (final CorruptRecordException e) {
            throw e;
        } catch (final MalformedDataException e) {
            throw new CorruptRecordException(field, e.getMessage(), e);
        }
    }

    private static long readVarlong(final byte[] a, final int index, final int end, final String field) {
        try {
            return Varints.readVarlong(a, index, end, field);
        } catch (final MalformedDataException e) {
            throw new CorruptRecordException(field, e.getMessage(), e);
        }
    }
}
