package dev.sluice.broker.log;

import static dev.sluice.broker.log.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log reopened after a crash keeps every intact batch, drops what is torn or corrupt, and serves the rest. */
class LogRecoveryTest {
    private static final int RECORDS_PER_BATCH = 2;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000L);
    private final int batchSize = batch("r", RECORDS_PER_BATCH, 1_000_000L).remaining();

    private PartitionLog open(final Map<String, String> overrides) throws IOException {
        return PartitionLog.open(dir, "r", 0, LogConfig.from(overrides), clock);
    }

    private void fill(final Map<String, String> overrides, final int batches) throws IOException {
        try (PartitionLog log = open(overrides)) {
            for (int i = 0; i < batches; i++) {
                log.append(batch("r", RECORDS_PER_BATCH, 1_000_000L), 0);
            }
        }
    }

    private static List<Long> everyOffset(final PartitionLog log) {
        final List<Long> all = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            final ReadResult result = log.read(next, Integer.MAX_VALUE, true);
            assertEquals(Errors.NONE, result.error());
            try (FileSlice slice = result.records()) {
                final List<Long> offsets = TestBatches.offsets(slice.readAll());
                TestBatches.values(slice.readAll());
                all.addAll(offsets);
                next = offsets.get(offsets.size() - 1) + 1;
            } catch (final IOException e) {
                throw new AssertionError(e);
            }
        }
        return all;
    }

    private static List<Long> range(final long end) {
        return LongStream.range(0, end).boxed().toList();
    }

    private Path segment(final long baseOffset, final String suffix) {
        return dir.resolve(String.format("%020d", baseOffset) + suffix);
    }

    private void assertAppendsContinueAt(final PartitionLog log, final long expectedOffset) {
        final AppendResult next = log.append(batch("after", 1, 1_000_000L), 0);
        assertEquals(Errors.NONE, next.error());
        assertEquals(expectedOffset, next.baseOffset());
    }

    @Test
    void shouldCutATornTailAndKeepEveryWholeBatch() throws IOException {
        fill(Map.of(), 10);
        final Path log0 = segment(0, ".log");
        try (FileChannel channel = FileChannel.open(log0, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(log0) - batchSize / 2);
        }

        try (PartitionLog log = open(Map.of())) {
            assertEquals(18L, log.logEndOffset());
            assertEquals(9L * batchSize, Files.size(log0));
            assertEquals(range(18), everyOffset(log));
            assertAppendsContinueAt(log, 18L);
        }
    }

    @Test
    void shouldCutATailWhoseHeaderIsTorn() throws IOException {
        fill(Map.of(), 4);
        final Path log0 = segment(0, ".log");
        try (FileChannel channel = FileChannel.open(log0, StandardOpenOption.WRITE)) {
            channel.truncate(3L * batchSize + 20);
        }
        try (PartitionLog log = open(Map.of())) {
            assertEquals(range(6), everyOffset(log));
        }
    }

    @Test
    void shouldCutTheTailFromACorruptBatchOnward() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize * 3));
        fill(config, 11);
        flipByte(segment(0, ".log"), 10L * batchSize + batchSize - 3);

        try (PartitionLog log = open(config)) {
            assertEquals(20L, log.logEndOffset());
            assertEquals(range(20), everyOffset(log));
            assertAppendsContinueAt(log, 20L);
        }
    }

    @Test
    void shouldCutFromACorruptBatchAtTheLastIndexEntry() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize * 3));
        fill(config, 10);
        // Entries index batches 3, 6 and 9: corrupt the one the tail scan starts from.
        flipByte(segment(0, ".log"), 9L * batchSize + 30);

        try (PartitionLog log = open(config)) {
            assertEquals(range(18), everyOffset(log));
            assertAppendsContinueAt(log, 18L);
        }
    }

    @Test
    void shouldCheckTheWholeActiveSegmentAfterACrash() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize * 3));
        fill(config, 10);
        Files.delete(dir.resolve(PartitionLog.CLEAN_SHUTDOWN_FILE));
        flipByte(segment(0, ".log"), 4L * batchSize + batchSize - 3);

        try (PartitionLog log = open(config)) {
            assertEquals(range(8), everyOffset(log));
            assertAppendsContinueAt(log, 8L);
        }
    }

    @Test
    void shouldRebuildAMissingIndexAndServeEveryOffset() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 20),
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize * 2));
        fill(config, 50);
        final long[] bases = {0, 40, 80};
        for (final long base : bases) {
            Files.delete(segment(base, ".index"));
        }

        try (PartitionLog log = open(config)) {
            assertEquals(3, log.segmentCount());
            assertEquals(range(100), everyOffset(log));
            for (long offset = 0; offset < 100; offset += 7) {
                final ReadResult one = log.read(offset, batchSize, true);
                try (FileSlice slice = one.records()) {
                    assertEquals(List.of(offset - offset % 2, offset - offset % 2 + 1),
                            TestBatches.offsets(slice.readAll()));
                }
            }
        }
        for (final long base : bases) {
            assertTrue(Files.size(segment(base, ".index")) > 0, "index of segment " + base + " rebuilt");
        }
    }

    @Test
    void shouldRebuildAStaleIndex() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 20),
                LogConfig.INDEX_INTERVAL_BYTES, "0");
        fill(config, 30);
        // Segment 0's index maps each position to the wrong offset; segment 40's points past its file's end.
        final ByteBuffer wrong = ByteBuffer.allocate(20 * 8);
        for (int i = 0; i < 20; i++) {
            wrong.putInt(2 * i + 1).putInt(i * batchSize);
        }
        Files.write(segment(0, ".index"), wrong.array());
        final ByteBuffer beyond = ByteBuffer.allocate(8).putInt(0, 50).putInt(4, 10 * batchSize + 5);
        try (FileChannel channel = FileChannel.open(segment(40, ".index"), StandardOpenOption.WRITE)) {
            channel.write(beyond, channel.size());
        }

        try (PartitionLog log = open(config)) {
            assertEquals(60L, log.logEndOffset());
            assertEquals(range(60), everyOffset(log));
            for (long offset = 0; offset < 60; offset += 5) {
                try (FileSlice slice = log.read(offset, batchSize, true).records()) {
                    assertEquals(offset - offset % 2, TestBatches.offsets(slice.readAll()).get(0));
                }
            }
        }
        final ByteBuffer rebuilt = ByteBuffer.wrap(Files.readAllBytes(segment(0, ".index")));
        assertEquals(20 * 8, rebuilt.remaining());
        for (int i = 0; i < 20; i++) {
            assertEquals(2 * i, rebuilt.getInt(i * 8), "relative offset of entry " + i);
            assertEquals(i * batchSize, rebuilt.getInt(i * 8 + 4), "position of entry " + i);
        }
        assertEquals(10 * 8, Files.size(segment(40, ".index")));
    }

    @Test
    void shouldAnswerAStorageErrorNotGarbageWhenAMiddleIndexEntryIsDamaged() throws IOException {
        final Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 20),
                LogConfig.INDEX_INTERVAL_BYTES, "0");
        fill(config, 30);
        // Entry 5 of the sealed first segment (offset 10) now points 5 bytes into its batch.
        try (FileChannel channel = FileChannel.open(segment(0, ".index"), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).putInt(0, 5 * batchSize + 5), 5 * 8 + 4);
        }

        try (PartitionLog log = open(config)) {
            assertEquals(Errors.KAFKA_STORAGE_ERROR, log.read(10, batchSize, true).error());
            assertEquals(Errors.KAFKA_STORAGE_ERROR, log.read(11, batchSize, true).error());
            try (FileSlice slice = log.read(0, 5 * batchSize + 5, true).records()) {
                assertEquals(range(10), TestBatches.offsets(slice.readAll()), "a slice end never trusts the bad entry");
            }
            assertEquals(Errors.NONE, log.read(8, batchSize, true).error());
            assertEquals(Errors.NONE, log.read(12, batchSize, true).error());
        }
    }

    @Test
    void shouldDropASnapshotThatIsAheadOfATruncatedLog() throws IOException {
        try (PartitionLog log = open(Map.of())) {
            log.append(TestBatches.idempotent(9L, (short) 0, 0, 1), 0);
            log.append(TestBatches.idempotent(9L, (short) 0, 1, 1), 0);
        }
        final Path log0 = segment(0, ".log");
        try (FileChannel channel = FileChannel.open(log0, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(log0) - 1);
        }
        try (PartitionLog log = open(Map.of())) {
            assertEquals(1L, log.logEndOffset());
            assertTrue(Files.notExists(segment(2, ".snapshot")));
            assertEquals(1L, log.append(TestBatches.idempotent(9L, (short) 0, 1, 1), 0).baseOffset(),
                    "the lost batch's sequence is expected again");
        }
    }

    private static void flipByte(final Path file, final long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, position);
        }
    }
}
