package dev.sluice.broker.log;

import static dev.sluice.broker.log.TestBatches.asStored;
import static dev.sluice.broker.log.TestBatches.batch;
import static dev.sluice.broker.log.TestBatches.concat;
import static dev.sluice.broker.log.TestBatches.copy;
import static dev.sluice.broker.log.TestBatches.offsets;
import static dev.sluice.broker.log.TestBatches.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.kafka.common.compress.Compression;
import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionLogTest {
    private static final int LEADER_EPOCH = 7;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private final List<PartitionLog> opened = new ArrayList<>();

    @AfterEach
    void closeLogs() throws IOException {
        for (final PartitionLog log : opened) {
            log.close();
        }
    }

    private PartitionLog open(final Map<String, String> overrides) throws IOException {
        final PartitionLog log = PartitionLog.open(dir.resolve("t-0"), "t", 0, LogConfig.from(overrides), clock);
        opened.add(log);
        return log;
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static ByteBuffer readAll(final PartitionLog log, final long offset, final int maxBytes) throws IOException {
        final ReadResult result = log.read(offset, maxBytes, true);
        assertEquals(Errors.NONE, result.error());
        try (FileSlice slice = result.records()) {
            return slice.readAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldStoreAndServeTheExactBytesItWasGiven(final String codec) throws IOException {
        final PartitionLog log = open(Map.of());
        final ByteBuffer first = TestBatches.compressedBatch(Compression.of(codec).build(), "a", 3, 1_000L);
        final ByteBuffer second = TestBatches.compressedBatch(Compression.of(codec).build(), "b", 2, 2_000L);

        final AppendResult a = log.append(copy(first), LEADER_EPOCH);
        final AppendResult b = log.append(copy(second), LEADER_EPOCH);

        assertEquals(Errors.NONE, a.error());
        assertEquals(0L, a.baseOffset());
        assertEquals(3L, b.baseOffset());
        assertEquals(-1L, a.logAppendTime());
        final ByteBuffer read = readAll(log, 0, Integer.MAX_VALUE);
        assertArrayEquals(bytes(concat(asStored(first, 0, LEADER_EPOCH), asStored(second, 3, LEADER_EPOCH))),
                bytes(read));
        assertEquals(List.of("a-0", "a-1", "a-2", "b-0", "b-1"), values(read));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), offsets(read));
    }

    @Test
    void shouldAssignDenseOffsetsAcrossManyAppends() throws IOException {
        final PartitionLog log = open(Map.of());
        long expected = 0;
        for (int i = 0; i < 200; i++) {
            final int count = 1 + i % 5;
            final AppendResult result = log.append(batch("m" + i, count, 1_000L + i), LEADER_EPOCH);
            assertEquals(expected, result.baseOffset());
            expected += count;
        }
        assertEquals(expected, log.logEndOffset());
        assertEquals(expected, log.highWatermark());
        assertEquals(LongStream.range(0, expected).boxed().toList(), offsets(readAll(log, 0, Integer.MAX_VALUE)));
    }

    @Test
    void shouldAppendEveryBatchOfAMultiBatchRequest() throws IOException {
        final PartitionLog log = open(Map.of());
        final AppendResult result = log.append(concat(batch("x", 2, 1L), batch("y", 3, 2L)), LEADER_EPOCH);
        assertEquals(0L, result.baseOffset());
        assertEquals(5L, log.logEndOffset());
        assertEquals(List.of("x-0", "x-1", "y-0", "y-1", "y-2"), values(readAll(log, 0, Integer.MAX_VALUE)));
    }

    @Test
    void shouldRollSegmentWhenFull() throws IOException {
        final int batchSize = batch("r", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 3)));
        for (int i = 0; i < 10; i++) {
            log.append(batch("r", 1, 1L), LEADER_EPOCH);
        }
        assertEquals(4, log.segmentCount());
        try (Stream<Path> files = Files.list(log.dir())) {
            assertEquals(List.of("00000000000000000000.log", "00000000000000000003.log", "00000000000000000006.log",
                            "00000000000000000009.log"),
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList());
        }
        assertEquals(3L * batchSize, Files.size(log.dir().resolve("00000000000000000000.log")));
        for (long offset = 0; offset < 10; offset++) {
            assertEquals(List.of(offset), offsets(readAll(log, offset, batchSize)));
        }
    }

    @Test
    void shouldRollSegmentWhenItsIndexIsFull() throws IOException {
        final int batchSize = batch("x", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_INDEX_BYTES, "16",
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize)));
        for (int i = 0; i < 9; i++) {
            log.append(batch("x", 1, 1L), LEADER_EPOCH);
        }
        // Entries go to the 2nd and 3rd batch of each segment; then the index is full.
        assertEquals(3, log.segmentCount());
        assertEquals(16L, Files.size(log.dir().resolve("00000000000000000000.index")));
        assertEquals(List.of(7L), offsets(readAll(log, 7, batchSize)));
    }

    @Test
    void shouldFindTheRightBatchThroughTheIndexInATenThousandBatchLog() throws IOException {
        final PartitionLog log = open(Map.of(LogConfig.INDEX_INTERVAL_BYTES, "1024",
                LogConfig.SEGMENT_BYTES, Integer.toString(64 * 1024)));
        final ByteBuffer template = batch("i", 2, 5L);
        for (int i = 0; i < 10_000; i++) {
            log.append(copy(template), LEADER_EPOCH);
        }
        assertEquals(20_000L, log.logEndOffset());
        assertTrue(log.segmentCount() > 5, "expected several segments, got " + log.segmentCount());
        final long[] probes = {0, 1, 2, 777, 4_095, 9_999, 10_000, 12_345, 19_998, 19_999};
        for (final long probe : probes) {
            final ByteBuffer read = readAll(log, probe, template.remaining());
            final long batchBase = probe - probe % 2;
            assertEquals(List.of(batchBase, batchBase + 1), offsets(read), "fetch at " + probe);
        }
        assertTrue(Files.size(log.dir().resolve("00000000000000000000.index")) > 0);
    }

    @Test
    void shouldReturnWholeBatchesUpToMaxBytesAndAtLeastOneWhenAsked() throws IOException {
        final PartitionLog log = open(Map.of());
        final int size = batch("w", 3, 1L).remaining();
        for (int i = 0; i < 5; i++) {
            log.append(batch("w", 3, 1L), LEADER_EPOCH);
        }
        assertEquals(2 * size, sliceSize(log.read(0, 2 * size + size / 2, false)));
        assertEquals(0, sliceSize(log.read(0, size - 1, false)));
        assertEquals(size, sliceSize(log.read(0, size - 1, true)));
        assertEquals(List.of(3L, 4L, 5L), offsets(readAll(log, 4, size)));
    }

    private static long sliceSize(final ReadResult result) {
        try (FileSlice slice = result.records()) {
            return slice.sizeInBytes();
        }
    }

    @Test
    void shouldAnswerOffsetOutOfRangeOutsideTheLogAndEmptyAtItsEnd() throws IOException {
        final PartitionLog log = open(Map.of());
        log.append(batch("o", 2, 1L), LEADER_EPOCH);
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(3, 1000, true).error());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(-1, 1000, true).error());
        final ReadResult atEnd = log.read(2, 1000, true);
        assertEquals(Errors.NONE, atEnd.error());
        assertEquals(0, atEnd.records().sizeInBytes());
        assertEquals(2L, atEnd.highWatermark());
    }

    @Test
    void shouldSendSlicesWithTransferTo() throws IOException {
        final PartitionLog log = open(Map.of());
        final ByteBuffer batch = batch("s", 4, 1L);
        log.append(copy(batch), LEADER_EPOCH);
        final java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        try (FileSlice slice = log.read(0, Integer.MAX_VALUE, true).records();
             WritableByteChannel target = Channels.newChannel((OutputStream) sink)) {
            long sent = 0;
            while (sent < slice.sizeInBytes()) {
                sent += slice.transferTo(target, sent, 10);
            }
        }
        assertArrayEquals(bytes(asStored(batch, 0, LEADER_EPOCH)), sink.toByteArray());
    }

    @Test
    void shouldStampLogAppendTimeWhenTheTopicAsksForIt() throws IOException {
        final PartitionLog log = open(Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE, LogConfig.LOG_APPEND_TIME));
        final AppendResult result = log.append(batch("l", 2, 5L), LEADER_EPOCH);
        assertEquals(clock.millis(), result.logAppendTime());
        final org.apache.kafka.common.record.RecordBatch stored =
                org.apache.kafka.common.record.MemoryRecords.readableRecords(readAll(log, 0, 10_000)).batches().iterator().next();
        stored.ensureValid();
        assertEquals(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, stored.timestampType());
        assertEquals(clock.millis(), stored.maxTimestamp());
    }

    @Test
    void shouldDeleteOldestSegmentsBeyondRetentionBytes() throws IOException {
        final int batchSize = batch("b", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 2),
                LogConfig.RETENTION_BYTES, Integer.toString(batchSize * 3), LogConfig.RETENTION_MS, "-1",
                LogConfig.FILE_DELETE_DELAY_MS, "0"));
        for (int i = 0; i < 10; i++) {
            log.append(batch("b", 1, 1L), LEADER_EPOCH);
        }
        assertEquals(5, log.segmentCount());

        assertEquals(3, log.enforceRetention());

        assertEquals(2, log.segmentCount());
        assertEquals(6L, log.logStartOffset());
        assertEquals(10L, log.logEndOffset());
        assertFalse(Files.exists(log.dir().resolve("00000000000000000000.log")));
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(5, 1000, true).error());
        assertEquals(List.of(6L, 7L, 8L, 9L), offsetsFrom(log, 6));
    }

    private static List<Long> offsetsFrom(final PartitionLog log, final long offset) throws IOException {
        final List<Long> all = new ArrayList<>();
        long next = offset;
        while (next < log.logEndOffset()) {
            final List<Long> chunk = offsets(readAll(log, next, Integer.MAX_VALUE));
            all.addAll(chunk);
            next = chunk.get(chunk.size() - 1) + 1;
        }
        return all;
    }

    @Test
    void shouldDeleteSegmentsOlderThanRetentionMsButNeverTheActiveOne() throws IOException {
        final int batchSize = batch("t", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize),
                LogConfig.RETENTION_MS, "60000", LogConfig.FILE_DELETE_DELAY_MS, "0"));
        final long now = clock.millis();
        log.append(batch("t", 1, now - 120_000), LEADER_EPOCH);
        log.append(batch("t", 1, now - 90_000), LEADER_EPOCH);
        log.append(batch("t", 1, now - 10_000), LEADER_EPOCH);
        log.append(batch("t", 1, now - 100_000), LEADER_EPOCH);
        assertEquals(4, log.segmentCount());

        assertEquals(2, log.enforceRetention());
        assertEquals(2L, log.logStartOffset());

        clock.advance(3_600_000);
        assertEquals(1, log.enforceRetention());
        assertEquals(1, log.segmentCount());
        assertEquals(3L, log.logStartOffset());
        assertEquals(List.of(3L), offsets(readAll(log, 3, 10_000)));
    }

    @Test
    void shouldKeepServingASliceWhoseSegmentRetentionDeleted() throws IOException {
        final int batchSize = batch("k", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize),
                LogConfig.RETENTION_BYTES, "0", LogConfig.FILE_DELETE_DELAY_MS, "0"));
        final ByteBuffer first = batch("k", 1, 1L);
        log.append(copy(first), LEADER_EPOCH);
        log.append(batch("k", 1, 1L), LEADER_EPOCH);
        final FileSlice slice = log.read(0, 10_000, true).records();

        assertEquals(1, log.enforceRetention());
        assertEquals(1L, log.logStartOffset());
        assertTrue(Files.exists(log.dir().resolve("00000000000000000000.log.deleted")),
                "a segment being read is renamed, not removed");

        assertArrayEquals(bytes(asStored(first, 0, LEADER_EPOCH)), bytes(slice.readAll()));
        slice.release();
        assertFalse(Files.exists(log.dir().resolve("00000000000000000000.log.deleted")),
                "the last reader's release removes the files");
    }

    @Test
    void shouldRemoveRetiredFilesOnlyAfterFileDeleteDelay() throws IOException {
        final int batchSize = batch("d", 1, 1L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize),
                LogConfig.RETENTION_BYTES, "0", LogConfig.FILE_DELETE_DELAY_MS, "1000"));
        log.append(batch("d", 1, 1L), LEADER_EPOCH);
        log.append(batch("d", 1, 1L), LEADER_EPOCH);
        assertEquals(1, log.enforceRetention());
        final Path deleted = log.dir().resolve("00000000000000000000.log.deleted");
        assertTrue(Files.exists(deleted));
        clock.advance(999);
        log.enforceRetention();
        assertTrue(Files.exists(deleted));
        clock.advance(1);
        log.enforceRetention();
        assertFalse(Files.exists(deleted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zstd"})
    void shouldFindTheFirstRecordAtOrAfterATimestamp(final String codec) throws IOException {
        final Compression compression = Compression.of(codec).build();
        final int batchSize = TestBatches.withTimestamps(compression, 100L, 150L, 120L).remaining();
        final PartitionLog log = open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize + 10)));
        log.append(TestBatches.withTimestamps(compression, 100L, 150L, 120L), LEADER_EPOCH);
        log.append(TestBatches.withTimestamps(compression, 200L, 210L, 250L), LEADER_EPOCH);
        log.append(TestBatches.withTimestamps(compression, 300L), LEADER_EPOCH);
        assertEquals(3, log.segmentCount());

        assertEquals(new TimestampedOffset(0L, 100L), log.offsetForTimestamp(50L));
        assertEquals(new TimestampedOffset(1L, 150L), log.offsetForTimestamp(101L));
        assertEquals(new TimestampedOffset(1L, 150L), log.offsetForTimestamp(150L));
        assertEquals(new TimestampedOffset(3L, 200L), log.offsetForTimestamp(151L));
        assertEquals(new TimestampedOffset(5L, 250L), log.offsetForTimestamp(211L));
        assertEquals(new TimestampedOffset(6L, 300L), log.offsetForTimestamp(300L));
        assertEquals(TimestampedOffset.NOT_FOUND, log.offsetForTimestamp(301L));
        assertEquals(0L, log.offsetForTimestamp(PartitionLog.EARLIEST_TIMESTAMP).offset());
        assertEquals(7L, log.offsetForTimestamp(PartitionLog.LATEST_TIMESTAMP).offset());
    }

    @Test
    void shouldAnswerTimestampLookupsOnLogAppendTimeTopicsWithTheAppendTime() throws IOException {
        final PartitionLog log = open(Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE, LogConfig.LOG_APPEND_TIME));
        log.append(TestBatches.withTimestamps(Compression.NONE, 5L, 6L), LEADER_EPOCH);
        final long firstAppend = clock.millis();
        clock.advance(1_000);
        log.append(TestBatches.withTimestamps(Compression.NONE, 7L), LEADER_EPOCH);
        assertEquals(new TimestampedOffset(0L, firstAppend), log.offsetForTimestamp(0L));
        assertEquals(new TimestampedOffset(2L, firstAppend + 1_000), log.offsetForTimestamp(firstAppend + 1));
    }
}
