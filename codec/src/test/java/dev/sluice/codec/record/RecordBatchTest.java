package dev.sluice.codec.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.DefaultRecordBatch;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordBatchTest {

    private static ByteBuffer kafkaBatch(final long baseOffset, final int records, final long producerId,
                                         final short epoch, final int baseSequence, final boolean transactional) {
        final ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        final MemoryRecordsBuilder builder = MemoryRecords.builder(out, RecordBatch.MAGIC_VALUE_V2, Compression.NONE,
            TimestampType.CREATE_TIME, baseOffset, 1_000L, producerId, epoch, baseSequence, transactional, 7);
        for (int i = 0; i < records; i++) {
            builder.append(1_000L + i * 3, ("k" + i).getBytes(StandardCharsets.UTF_8),
                ("value-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return builder.build().buffer();
    }

    @Test
    void shouldReadEveryHeaderFieldOfAKafkaBuiltBatch() {
        final ByteBuffer bytes = kafkaBatch(100L, 5, 4242L, (short) 3, 17, true);
        final DefaultRecordBatch theirs = (DefaultRecordBatch) MemoryRecords.readableRecords(bytes.duplicate())
            .batches().iterator().next();
        final dev.sluice.codec.record.RecordBatch ours = new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0);

        ours.ensureValid();
        assertEquals(theirs.baseOffset(), ours.baseOffset());
        assertEquals(theirs.sizeInBytes(), ours.sizeInBytes());
        assertEquals(theirs.partitionLeaderEpoch(), ours.partitionLeaderEpoch());
        assertEquals(theirs.magic(), ours.magic());
        assertEquals(theirs.checksum(), ours.crc());
        assertEquals(theirs.lastOffset(), ours.lastOffset());
        assertEquals(theirs.nextOffset(), ours.nextOffset());
        assertEquals(theirs.baseTimestamp(), ours.baseTimestamp());
        assertEquals(theirs.maxTimestamp(), ours.maxTimestamp());
        assertEquals(theirs.producerId(), ours.producerId());
        assertEquals(theirs.producerEpoch(), ours.producerEpoch());
        assertEquals(theirs.baseSequence(), ours.baseSequence());
        assertEquals(theirs.lastSequence(), ours.lastSequence());
        assertEquals(theirs.countOrNull().intValue(), ours.recordCount());
        assertEquals(theirs.isTransactional(), ours.isTransactional());
        assertEquals(theirs.isControlBatch(), ours.isControl());
        assertEquals(CompressionType.NONE, ours.compressionType());
        assertEquals(dev.sluice.codec.record.TimestampType.CREATE_TIME, ours.timestampType());
        assertEquals(theirs.checksum(), ours.computeChecksum());
    }

    @Test
    void shouldKeepCrcValidWhenPatchingBaseOffsetAndLeaderEpoch() {
        final ByteBuffer bytes = kafkaBatch(0L, 3, -1L, (short) -1, -1, false);
        final dev.sluice.codec.record.RecordBatch ours = new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0);
        ours.baseOffset(5_000L).partitionLeaderEpoch(9);

        ours.ensureValid();
        final DefaultRecordBatch theirs = (DefaultRecordBatch) MemoryRecords.readableRecords(bytes.duplicate())
            .batches().iterator().next();
        theirs.ensureValid();
        assertEquals(5_000L, theirs.baseOffset());
        assertEquals(5_002L, theirs.lastOffset());
        assertEquals(9, theirs.partitionLeaderEpoch());
    }

    @Test
    void shouldRewriteCrcWhenSettingLogAppendTime() {
        final ByteBuffer bytes = kafkaBatch(0L, 3, -1L, (short) -1, -1, false);
        final dev.sluice.codec.record.RecordBatch ours = new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0);
        ours.maxTimestampAndLogAppendTime(123_456L);

        ours.ensureValid();
        final DefaultRecordBatch theirs = (DefaultRecordBatch) MemoryRecords.readableRecords(bytes.duplicate())
            .batches().iterator().next();
        theirs.ensureValid();
        assertEquals(TimestampType.LOG_APPEND_TIME, theirs.timestampType());
        assertEquals(123_456L, theirs.maxTimestamp());
        assertEquals(dev.sluice.codec.record.TimestampType.LOG_APPEND_TIME, ours.timestampType());
    }

    @Test
    void shouldRejectBatchWithBadCrc() {
        final ByteBuffer bytes = kafkaBatch(0L, 3, -1L, (short) -1, -1, false);
        bytes.put(bytes.limit() - 1, (byte) (bytes.get(bytes.limit() - 1) ^ 0x01));
        final dev.sluice.codec.record.RecordBatch ours = new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0);

        final CorruptRecordException e = assertThrows(CorruptRecordException.class, ours::ensureValid);
        assertEquals("crc", e.field());
        assertFalse(ours.isValid());
    }

    @Test
    void shouldRejectOtherMagicWithClearMessage() {
        final ByteBuffer bytes = kafkaBatch(0L, 1, -1L, (short) -1, -1, false);
        bytes.put(dev.sluice.codec.record.RecordBatch.MAGIC_OFFSET, (byte) 1);

        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0).ensureValid());
        assertEquals("magic", e.field());
        assertTrue(e.getMessage().contains("magic 1"), e.getMessage());
    }

    @Test
    void shouldRejectBatchLengthRunningPastTheRegion() {
        final ByteBuffer bytes = kafkaBatch(0L, 2, -1L, (short) -1, -1, false);
        bytes.limit(bytes.limit() - 1);

        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0).ensureValid());
        assertEquals("batchLength", e.field());
    }

    @Test
    void shouldRejectBatchLengthSmallerThanHeader() {
        final ByteBuffer bytes = kafkaBatch(0L, 2, -1L, (short) -1, -1, false);
        bytes.putInt(dev.sluice.codec.record.RecordBatch.BATCH_LENGTH_OFFSET, 20);

        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> new dev.sluice.codec.record.RecordBatch().wrap(bytes, 0).ensureValid());
        assertEquals("batchLength", e.field());
    }

    @Test
    void shouldRejectUnknownCompressionId() {
        final CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> CompressionType.forId(5));
        assertEquals("attributes.compression", e.field());
        assertEquals(CompressionType.ZSTD, CompressionType.forId(4));
        assertEquals(CompressionType.LZ4, CompressionType.forName("LZ4"));
        assertThrows(IllegalArgumentException.class, () -> CompressionType.forName("brotli"));
    }

    @Test
    void shouldWalkBatchesBackToBackAndStopAtPartialTrailingBatch() {
        final ByteBuffer first = kafkaBatch(0L, 3, -1L, (short) -1, -1, false);
        final ByteBuffer second = kafkaBatch(3L, 4, -1L, (short) -1, -1, false);
        final ByteBuffer third = kafkaBatch(7L, 2, -1L, (short) -1, -1, false);
        final int whole = first.remaining() + second.remaining();
        final ByteBuffer all = ByteBuffer.allocate(whole + third.remaining() - 5);
        all.put(first).put(second).put(third.limit(third.limit() - 5)).flip();

        final RecordBatchReader reader = new RecordBatchReader(all);
        assertTrue(reader.hasNext());
        assertEquals(0L, reader.next().baseOffset());
        assertTrue(reader.hasNext());
        final dev.sluice.codec.record.RecordBatch batch = reader.next();
        assertEquals(3L, batch.baseOffset());
        batch.ensureValid();
        assertFalse(reader.hasNext());
        assertEquals(whole, reader.validBytes());
        assertEquals(third.limit() - 0, reader.remaining());
    }

    @Test
    void shouldReportMinusOneWhenFewerThanTwelveBytesRemain() {
        final ByteBuffer bytes = kafkaBatch(0L, 1, -1L, (short) -1, -1, false);
        assertEquals(bytes.remaining(), RecordBatchReader.sizeOfBatchAt(bytes, 0));
        bytes.limit(11);
        assertEquals(-1, RecordBatchReader.sizeOfBatchAt(bytes, 0));
        assertFalse(new RecordBatchReader(bytes).hasNext());
    }

    @Test
    void shouldStopCleanlyOnAnEmptyBuffer() {
        final RecordBatchReader reader = new RecordBatchReader(ByteBuffer.allocate(0));
        assertFalse(reader.hasNext());
        assertEquals(0, reader.validBytes());
    }

    @Test
    void shouldWalkAndValidateBatchesWithoutAllocatingPerBatch() {
        final ByteBuffer one = kafkaBatch(0L, 3, -1L, (short) -1, -1, false);
        final int batches = 2_000;
        final ByteBuffer all = ByteBuffer.allocate(one.remaining() * batches);
        for (int i = 0; i < batches; i++) {
            all.put(one.duplicate());
        }
        all.flip();
        final RecordBatchReader reader = new RecordBatchReader();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long walked = 0;
        for (int round = 0; round < 3; round++) {
            walked += walkAll(reader, all);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        walked += walkAll(reader, all);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(4L * batches, walked);
        // One walk over 2 000 batches: a single allocation per batch would show as 32 000+ bytes.
        assertTrue(allocated < 4_096, "allocated " + allocated + " bytes walking " + batches + " batches");
    }

    private static long walkAll(final RecordBatchReader reader, final ByteBuffer all) {
        reader.reset(all);
        long n = 0;
        while (reader.hasNext()) {
            reader.next().ensureValid();
            n++;
        }
        return n;
    }
}
