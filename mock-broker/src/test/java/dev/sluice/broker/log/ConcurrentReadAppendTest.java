package dev.sluice.broker.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers on other threads, racing appends, rolls and retention, only ever see whole, intact batches
 * with dense offsets starting at the batch that holds the offset they asked for.
 */
class ConcurrentReadAppendTest {
    private static final int BATCHES = 3_000;
    private static final int RECORDS_PER_BATCH = 3;

    @TempDir
    Path dir;

    @Test
    void shouldServeIntactBatchesWhileAppendsRollsAndRetentionRun() throws Exception {
        final int batchSize = TestBatches.batch("c", RECORDS_PER_BATCH, 1L).remaining();
        final Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(batchSize * 40),
                LogConfig.RETENTION_BYTES, Integer.toString(batchSize * 200), LogConfig.RETENTION_MS, "-1",
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(batchSize * 4), LogConfig.FILE_DELETE_DELAY_MS, "0");
        final ExecutorService threads = Executors.newFixedThreadPool(3);
        try (PartitionLog log = PartitionLog.open(dir, "c", 0, LogConfig.from(config), new MutableClock(1L))) {
            final AtomicBoolean appending = new AtomicBoolean(true);
            final Future<?> writer = threads.submit(() -> {
                try {
                    final ByteBuffer template = TestBatches.batch("c", RECORDS_PER_BATCH, 1L);
                    for (int i = 0; i < BATCHES; i++) {
                        assertEquals(Errors.NONE, log.append(TestBatches.copy(template), 1).error());
                        if (i % 50 == 0) {
                            log.enforceRetention();
                        }
                    }
                    return null;
                } finally {
                    appending.set(false);
                }
            });
            final List<Future<Integer>> readers = Stream.generate(() -> threads.submit(() -> readWhile(log, appending)))
                    .limit(2).toList();

            writer.get();
            int verified = 0;
            for (final Future<Integer> reader : readers) {
                verified += reader.get();
            }
            assertTrue(verified > 0, "readers verified some slices");
            assertEquals((long) BATCHES * RECORDS_PER_BATCH, log.logEndOffset());
            assertTrue(log.logStartOffset() > 0, "retention ran during the test");
        } finally {
            threads.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".deleted")).toList(),
                    "every retired segment was removed once its readers released it");
        }
    }

    private static int readWhile(final PartitionLog log, final AtomicBoolean appending) throws IOException {
        int verified = 0;
        while (appending.get() || verified == 0) {
            final long start = log.logStartOffset();
            final long end = log.logEndOffset();
            final long offset = start + ThreadLocalRandom.current().nextLong(end - start + 1);
            final ReadResult result = log.read(offset, 4_096, true);
            if (result.error() == Errors.OFFSET_OUT_OF_RANGE) {
                assertTrue(offset < log.logStartOffset(), "out of range only because retention moved on");
                continue;
            }
            assertEquals(Errors.NONE, result.error());
            try (FileSlice slice = result.records()) {
                if (slice.sizeInBytes() == 0) {
                    assertTrue(offset >= end, "empty only at the log end");
                    continue;
                }
                Thread.yield();
                final List<Long> offsets = TestBatches.offsets(slice.readAll());
                TestBatches.values(slice.readAll());
                final long first = offsets.get(0);
                assertEquals(offset - offset % RECORDS_PER_BATCH, first);
                for (int i = 0; i < offsets.size(); i++) {
                    assertEquals(first + i, offsets.get(i));
                }
                verified++;
            }
        }
        return verified;
    }
}
