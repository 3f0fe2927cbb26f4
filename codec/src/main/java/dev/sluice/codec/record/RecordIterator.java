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
        final ByteBuffer b = data;
        final int recordStart = cursor;
        if (recordStart >= sectionEnd) {
            throw new CorruptRecordException("recordsCount", "batch declares " + count + " records but its data ends after "
                + index);
        }
        b.limit(sectionEnd).position(recordStart);
        final int length = readVarint(b, "record.length");
        if (length < 0 || length > b.remaining()) {
            throw new CorruptRecordException("record.length", length + " does not fit in the " + b.remaining()
                + " bytes left in the batch");
        }
        final int recordEnd = b.position() + length;
        b.limit(recordEnd);
        if (!b.hasRemaining()) {
            throw new CorruptRecordException("record.attributes", "record is empty");
        }
        b.get();
        final long timestampDelta = readVarlong(b, "record.timestampDelta");
        final int offsetDelta = readVarint(b, "record.offsetDelta");
        final Record r = record;
        r.keySize = readLength(b, "record.keyLength");
        r.keyOffset = b.position();
        b.position(r.keyOffset + Math.max(0, r.keySize));
        r.valueSize = readLength(b, "record.valueLength");
        r.valueOffset = b.position();
        b.position(r.valueOffset + Math.max(0, r.valueSize));
        final int headerCount = readVarint(b, "record.headersCount");
        if (headerCount < 0 || headerCount > b.remaining() / 2) {
            throw new CorruptRecordException("record.headersCount", headerCount + " headers cannot fit in the "
                + b.remaining() + " bytes left in the record");
        }
        r.headersOffset = b.position();
        r.headerCount = headerCount;
        for (int i = 0; i < headerCount; i++) {
            final int keyLength = readLength(b, "header.keyLength");
            if (keyLength < 0) {
                throw new CorruptRecordException("header.keyLength", "header keys cannot be null");
            }
            b.position(b.position() + keyLength);
            final int valueLength = readLength(b, "header.valueLength");
            b.position(b.position() + Math.max(0, valueLength));
        }
        if (b.position() != recordEnd) {
            throw new CorruptRecordException("record.length", "declares " + length + " bytes but its fields take "
                + (b.position() - (recordEnd - length)));
        }
        r.buffer = b;
        r.offset = baseOffset + offsetDelta;
        r.timestamp = logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta;
        r.sizeInBytes = recordEnd - recordStart;
        b.limit(sectionEnd);
        cursor = recordEnd;
        index++;
        if (index == count && cursor != sectionEnd) {
            throw new CorruptRecordException("recordsCount", (sectionEnd - cursor) + " bytes are left after the "
                + count + " records the batch declares");
        }
        return r;
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

    private static int readLength(final ByteBuffer b, final String field) {
        final int length = readVarint(b, field);
        if (length < -1 || length > b.remaining()) {
            throw new CorruptRecordException(field, length + " does not fit in the " + b.remaining()
                + " bytes left in the record");
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
