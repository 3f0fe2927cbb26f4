package dev.sluice.broker.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;

/** Record batches built by kafka-clients, the way a real producer builds them. */
final class TestBatches {
    private TestBatches() {
    }

    /** A non-idempotent batch of {@code count} records "prefix-i" stamped {@code timestamp}. */
    static ByteBuffer batch(final String prefix, final int count, final long timestamp) {
        return build(Compression.NONE, RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH,
                RecordBatch.NO_SEQUENCE, prefix, count, timestamp);
    }

    static ByteBuffer compressedBatch(final Compression compression, final String prefix, final int count,
                                      final long timestamp) {
        return build(compression, RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE,
                prefix, count, timestamp);
    }

    /** An idempotent batch of {@code count} records with sequences baseSequence..baseSequence+count-1. */
    static ByteBuffer idempotent(final long producerId, final short epoch, final int baseSequence, final int count) {
        return build(Compression.NONE, producerId, epoch, baseSequence, "p" + producerId + "-s" + baseSequence, count,
                1_000L);
    }

    static ByteBuffer build(final Compression compression, final long producerId, final short epoch,
                            final int baseSequence, final String prefix, final int count, final long timestamp) {
        final SimpleRecord[] records = new SimpleRecord[count];
        for (int i = 0; i < count; i++) {
            records[i] = new SimpleRecord(timestamp, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                    (prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
        }
        final MemoryRecords built = MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V2, 0L, compression,
                TimestampType.CREATE_TIME, producerId, epoch, baseSequence, RecordBatch.NO_PARTITION_LEADER_EPOCH,
                false, records);
        return copy(built.buffer());
    }

    /** A batch with one record per timestamp, in the order given. */
    static ByteBuffer withTimestamps(final Compression compression, final long... timestamps) {
        final SimpleRecord[] records = new SimpleRecord[timestamps.length];
        for (int i = 0; i < timestamps.length; i++) {
            records[i] = new SimpleRecord(timestamps[i], null, ("ts-" + timestamps[i]).getBytes(StandardCharsets.UTF_8));
        }
        return copy(MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V2, 0L, compression, TimestampType.CREATE_TIME,
                RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE,
                RecordBatch.NO_PARTITION_LEADER_EPOCH, false, records).buffer());
    }

    /** Several batches back to back in one buffer, as one produce request may carry them. */
    static ByteBuffer concat(final ByteBuffer... batches) {
        int size = 0;
        for (final ByteBuffer batch : batches) {
            size += batch.remaining();
        }
        final ByteBuffer all = ByteBuffer.allocate(size);
        for (final ByteBuffer batch : batches) {
            all.put(batch.duplicate());
        }
        return all.flip();
    }

    static ByteBuffer copy(final ByteBuffer source) {
        final ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate());
        return copy.flip();
    }

    /** Values of every record in {@code bytes}, parsed (and CRC-checked) by kafka-clients. */
    static List<String> values(final ByteBuffer bytes) {
        final List<String> values = new ArrayList<>();
        for (final org.apache.kafka.common.record.MutableRecordBatch batch : MemoryRecords.readableRecords(bytes.duplicate()).batches()) {
            batch.ensureValid();
            for (final Record record : batch) {
                values.add(StandardCharsets.UTF_8.decode(record.value()).toString());
            }
        }
        return values;
    }

    /** Offsets of every record in {@code bytes}, parsed by kafka-clients. */
    static List<Long> offsets(final ByteBuffer bytes) {
        final List<Long> offsets = new ArrayList<>();
        for (final RecordBatch batch : MemoryRecords.readableRecords(bytes.duplicate()).batches()) {
            for (final Record record : batch) {
                offsets.add(record.offset());
            }
        }
        return offsets;
    }

    /** A copy of {@code batch} with baseOffset and partitionLeaderEpoch set as the log would set them. */
    static ByteBuffer asStored(final ByteBuffer batch, final long baseOffset, final int leaderEpoch) {
        final ByteBuffer expected = copy(batch);
        expected.putLong(0, baseOffset);
        expected.putInt(12, leaderEpoch);
        return expected;
    }
}
