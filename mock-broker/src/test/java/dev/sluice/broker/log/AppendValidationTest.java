package dev.sluice.broker.log;

import static dev.sluice.broker.log.TestBatches.batch;
import static dev.sluice.broker.log.TestBatches.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.apache.kafka.common.record.MemoryRecords;
import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad produce payloads get the Kafka error code a real broker gives, and nothing is appended. */
class AppendValidationTest {
    @TempDir
    Path dir;

    private PartitionLog log;

    @BeforeEach
    void open() throws IOException {
        log = PartitionLog.open(dir, "v", 0, LogConfig.from(Map.of(LogConfig.MAX_MESSAGE_BYTES, "2000")),
                new MutableClock(1_000_000L));
        log.append(batch("seed", 1, 1_000_000L), 0);
    }

    @AfterEach
    void close() throws IOException {
        log.close();
    }

    private void assertRejected(final Errors expectedCode, final String expectedField, final ByteBuffer records) {
        final long sizeBefore = log.sizeInBytes();
        final AppendResult result = log.append(records, 0);
        assertEquals(expectedCode, result.error(), result.errorMessage());
        assertTrue(result.errorMessage().contains(expectedField),
                "message should name " + expectedField + ": " + result.errorMessage());
        assertEquals(-1L, result.baseOffset());
        assertEquals(1L, log.logEndOffset(), "nothing appended");
        assertEquals(sizeBefore, log.sizeInBytes(), "no bytes written");
    }

    private static void rewriteCrc(final ByteBuffer batch) {
        final CRC32C crc = new CRC32C();
        final ByteBuffer covered = batch.duplicate();
        covered.position(21);
        crc.update(covered);
        batch.putInt(17, (int) crc.getValue());
    }

    @Test
    void shouldRejectBatchWithBadCrc() {
        final ByteBuffer bad = batch("c", 2, 5L);
        bad.put(bad.limit() - 1, (byte) (bad.get(bad.limit() - 1) ^ 0x40));
        assertRejected(Errors.CORRUPT_MESSAGE, "crc", bad);
    }

    @Test
    void shouldRejectLegacyMagicAsInvalidRecord() {
        final ByteBuffer bad = batch("m", 1, 5L);
        bad.put(16, (byte) 1);
        assertRejected(Errors.INVALID_RECORD, "magic", bad);
    }

    @Test
    void shouldRejectUnknownMagicAsCorrupt() {
        final ByteBuffer bad = batch("m", 1, 5L);
        bad.put(16, (byte) 9);
        assertRejected(Errors.CORRUPT_MESSAGE, "magic", bad);
    }

    @Test
    void shouldRejectTruncatedBatch() {
        final ByteBuffer whole = batch("t", 3, 5L);
        assertRejected(Errors.CORRUPT_MESSAGE, "batchLength", whole.duplicate().limit(whole.limit() - 5).slice());
        assertRejected(Errors.CORRUPT_MESSAGE, "batchLength", whole.duplicate().limit(40).slice());
    }

    @Test
    void shouldRejectATruncatedSecondBatchAndAppendNeitherBatch() {
        final ByteBuffer two = concat(batch("a", 1, 5L), batch("b", 1, 5L));
        assertRejected(Errors.CORRUPT_MESSAGE, "batchLength", two.limit(two.limit() - 1));
    }

    @Test
    void shouldRejectHostileBatchLength() {
        final ByteBuffer bad = batch("h", 1, 5L);
        bad.putInt(8, Integer.MAX_VALUE);
        assertRejected(Errors.CORRUPT_MESSAGE, "batchLength", bad);
        bad.putInt(8, -5);
        assertRejected(Errors.CORRUPT_MESSAGE, "batchLength", bad);
    }

    @Test
    void shouldRejectRecordCountThatDisagreesWithLastOffsetDelta() {
        final ByteBuffer bad = batch("r", 3, 5L);
        bad.putInt(57, 2);
        rewriteCrc(bad);
        assertRejected(Errors.INVALID_RECORD, "recordsCount", bad);
    }

    @Test
    void shouldRejectBatchLargerThanMaxMessageBytes() {
        final ByteBuffer big = TestBatches.build(org.apache.kafka.common.compress.Compression.NONE, -1L, (short) -1, -1,
                "x".repeat(500), 5, 5L);
        assertTrue(big.remaining() > 2000);
        assertRejected(Errors.MESSAGE_TOO_LARGE, "max.message.bytes", big);
    }

    @Test
    void shouldRejectControlBatchFromAClient() {
        final ByteBuffer marker = TestBatches.copy(MemoryRecords.withEndTransactionMarker(0L, 5L, 0, 42L, (short) 1,
                new EndTransactionMarker(ControlRecordType.COMMIT, 3)).buffer());
        assertRejected(Errors.INVALID_RECORD, "control", marker);
    }

    @Test
    void shouldRejectEmptyPayload() {
        assertRejected(Errors.INVALID_RECORD, "records", ByteBuffer.allocate(0));
    }

    @Test
    void shouldKeepAcceptingGoodBatchesAfterBadOnes() throws IOException {
        final ByteBuffer bad = batch("c", 2, 5L);
        bad.put(bad.limit() - 1, (byte) (bad.get(bad.limit() - 1) ^ 0x01));
        assertEquals(Errors.CORRUPT_MESSAGE, log.append(bad, 0).error());
        final AppendResult good = log.append(batch("g", 2, 5L), 0);
        assertEquals(Errors.NONE, good.error());
        assertEquals(1L, good.baseOffset());
        final ReadResult read = log.read(0, Integer.MAX_VALUE, true);
        assertEquals(List.of("seed-0", "g-0", "g-1"), TestBatches.values(read.records().readAll()));
        read.records().release();
    }
}
