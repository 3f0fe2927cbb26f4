package dev.sluice.tools;

import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchReader;
import dev.sluice.codec.record.RecordIterator;

import java.nio.ByteBuffer;

/**
 * The least per-response work a consumer of uncompressed batches can do, for {@link FetchCeiling}: check
 * each batch and hand each record's key and value out as a new {@code byte[]}, with no record objects,
 * lists or deserializers around them.
 *
 * <p>The last {@link #HELD} values stay referenced, as the records of one {@code poll} (max.poll.records
 * 500) are while an application works on them, so the copies are real allocations that live as long as
 * a consumer's do. Single-threaded.
 */
final class RecordHandout {
    /** Values kept alive at once: a consumer's default max.poll.records. */
    static final int HELD = 500;

    private final RecordBatchReader batches = new RecordBatchReader();
    private final RecordIterator iterator = new RecordIterator(null);
    private final byte[][] held = new byte[HELD][];
    private long records;
    private long valueBytes;

    /**
     * Works through one partition's records field (whole batches; a trailing partial batch is left):
     * nothing more than the walk for {@link FetchCeiling.Mode#READ}, every batch checked for {@code CRC},
     * and checked and every record copied out for {@code COPY}.
     *
     * @throws dev.sluice.codec.record.CorruptRecordException for a batch that fails its check
     */
    void process(final ByteBuffer data, final FetchCeiling.Mode mode) {
        if (mode == FetchCeiling.Mode.READ) {
            return;
        }
        batches.reset(data);
        while (batches.hasNext()) {
            final RecordBatch batch = batches.next();
            batch.ensureValid();
            if (mode == FetchCeiling.Mode.COPY) {
                copy(batch);
            }
        }
    }

    private void copy(final RecordBatch batch) {
        iterator.reset(batch);
        while (iterator.hasNext()) {
            final Record record = iterator.next();
            final ByteBuffer buffer = record.buffer();
            if (record.keySize() >= 0) {
                final byte[] key = new byte[record.keySize()];
                buffer.get(record.keyOffset(), key);
                valueBytes += key.length;
            }
            if (record.valueSize() >= 0) {
                final byte[] value = new byte[record.valueSize()];
                buffer.get(record.valueOffset(), value);
                held[(int) (records % HELD)] = value;
                valueBytes += value.length;
            }
            records++;
        }
    }

    /** Records copied out so far. */
    long records() {
        return records;
    }

    /** Key and value bytes copied out so far. */
    long valueBytes() {
        return valueBytes;
    }
}
