package dev.sluice.broker.log;

import static dev.sluice.broker.log.TestBatches.idempotent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentAppendTest {
    private static final long PID = 4242L;
    private static final short EPOCH = 3;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000L);
    private PartitionLog log;

    private PartitionLog open(final Map<String, String> overrides) throws IOException {
        log = PartitionLog.open(dir, "i", 0, LogConfig.from(overrides), clock);
        return log;
    }

    @AfterEach
    void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void shouldAnswerARetriedBatchWithItsOriginalOffsetAndNotStoreItTwice() throws IOException {
        open(Map.of());
        assertEquals(0L, log.append(idempotent(PID, EPOCH, 0, 3), 0).baseOffset());
        assertEquals(3L, log.append(idempotent(PID, EPOCH, 3, 2), 0).baseOffset());
        final long size = log.sizeInBytes();

        final AppendResult retry = log.append(idempotent(PID, EPOCH, 0, 3), 0);

        assertEquals(Errors.NONE, retry.error());
        assertTrue(retry.duplicate());
        assertEquals(0L, retry.baseOffset());
        assertEquals(5L, log.logEndOffset());
        assertEquals(size, log.sizeInBytes());
        assertEquals(3L, log.append(idempotent(PID, EPOCH, 3, 2), 0).baseOffset());
    }

    @Test
    void shouldRememberOnlyTheLastFiveBatches() throws IOException {
        open(Map.of());
        for (int seq = 0; seq < 6; seq++) {
            log.append(idempotent(PID, EPOCH, seq, 1), 0);
        }
        assertEquals(1L, log.append(idempotent(PID, EPOCH, 1, 1), 0).baseOffset());
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, log.append(idempotent(PID, EPOCH, 0, 1), 0).error());
    }

    @Test
    void shouldRejectASequenceGap() throws IOException {
        open(Map.of());
        log.append(idempotent(PID, EPOCH, 0, 2), 0);
        final AppendResult gap = log.append(idempotent(PID, EPOCH, 3, 1), 0);
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, gap.error());
        assertEquals(2L, log.logEndOffset());
        assertEquals(2L, log.append(idempotent(PID, EPOCH, 2, 1), 0).baseOffset());
    }

    @Test
    void shouldRequireANewEpochToStartAtSequenceZero() throws IOException {
        open(Map.of());
        log.append(idempotent(PID, EPOCH, 0, 2), 0);
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER,
                log.append(idempotent(PID, (short) (EPOCH + 1), 2, 1), 0).error());
        assertEquals(Errors.NONE, log.append(idempotent(PID, (short) (EPOCH + 1), 0, 1), 0).error());
    }

    @Test
    void shouldRejectAnOlderEpoch() throws IOException {
        open(Map.of());
        log.append(idempotent(PID, EPOCH, 0, 1), 0);
        final AppendResult stale = log.append(idempotent(PID, (short) (EPOCH - 1), 1, 1), 0);
        assertEquals(Errors.INVALID_PRODUCER_EPOCH, stale.error());
        assertEquals(1L, log.logEndOffset());
    }

    @Test
    void shouldRejectAnUnknownProducerThatDoesNotStartAtZero() throws IOException {
        open(Map.of());
        assertEquals(Errors.UNKNOWN_PRODUCER_ID, log.append(idempotent(PID, EPOCH, 5, 1), 0).error());
        assertEquals(0L, log.logEndOffset());
    }

    @Test
    void shouldCheckLaterBatchesOfOneRequestAgainstEarlierOnes() throws IOException {
        open(Map.of());
        final AppendResult inOrder = log.append(TestBatches.concat(idempotent(PID, EPOCH, 0, 2),
                idempotent(PID, EPOCH, 2, 2)), 0);
        assertEquals(Errors.NONE, inOrder.error());
        final AppendResult withGap = log.append(TestBatches.concat(idempotent(PID, EPOCH, 4, 1),
                idempotent(PID, EPOCH, 9, 1)), 0);
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, withGap.error());
        assertEquals(4L, log.logEndOffset());
        assertEquals(4L, log.append(idempotent(PID, EPOCH, 4, 1), 0).baseOffset(), "the failed request left no state");
    }

    @Test
    void shouldKeepProducerStateAcrossReopenFromTheSnapshot() throws IOException {
        open(Map.of());
        log.append(idempotent(PID, EPOCH, 0, 2), 0);
        log.append(idempotent(PID, EPOCH, 2, 2), 0);
        log.close();
        assertTrue(countSnapshots() > 0);

        open(Map.of());
        assertTrue(log.append(idempotent(PID, EPOCH, 2, 2), 0).duplicate());
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, log.append(idempotent(PID, EPOCH, 5, 1), 0).error());
        assertEquals(4L, log.append(idempotent(PID, EPOCH, 4, 1), 0).baseOffset());
    }

    @Test
    void shouldRebuildProducerStateFromTheLogWhenSnapshotsAreGone() throws IOException {
        final int size = idempotent(PID, EPOCH, 0, 1).remaining();
        open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size * 2)));
        for (int seq = 0; seq < 5; seq++) {
            log.append(idempotent(PID, EPOCH, seq, 1), 0);
        }
        log.close();
        try (DirectoryStream<Path> snapshots = Files.newDirectoryStream(dir, "*.snapshot")) {
            for (final Path snapshot : snapshots) {
                Files.delete(snapshot);
            }
        }

        open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size * 2)));
        assertEquals(3L, log.append(idempotent(PID, EPOCH, 3, 1), 0).baseOffset());
        assertEquals(Errors.INVALID_PRODUCER_EPOCH,
                log.append(idempotent(PID, (short) (EPOCH - 1), 5, 1), 0).error());
        assertEquals(5L, log.append(idempotent(PID, EPOCH, 5, 1), 0).baseOffset());
    }

    @Test
    void shouldReplayBatchesWrittenAfterTheLastSnapshot() throws IOException {
        final int size = idempotent(PID, EPOCH, 0, 1).remaining();
        open(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size * 2)));
        for (int seq = 0; seq < 3; seq++) {
            log.append(idempotent(PID, EPOCH, seq, 1), 0);
        }
        // The roll at offset 2 wrote a snapshot; simulate a crash: no close, so offset 2 is known only from the log.
        final Path snapshotAtRoll = dir.resolve("00000000000000000002.snapshot");
        assertTrue(Files.exists(snapshotAtRoll));
        final PartitionLog crashed = log;
        log = null;
        final PartitionLog reopened = PartitionLog.open(dir, "i", 0,
                LogConfig.from(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size * 2))), clock);
        try {
            assertTrue(reopened.append(idempotent(PID, EPOCH, 2, 1), 0).duplicate());
            assertEquals(3L, reopened.append(idempotent(PID, EPOCH, 3, 1), 0).baseOffset());
        } finally {
            reopened.close();
            crashed.close();
        }
    }

    private long countSnapshots() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".snapshot")).count();
        }
    }
}
