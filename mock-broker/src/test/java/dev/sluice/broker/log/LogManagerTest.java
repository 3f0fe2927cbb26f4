package dev.sluice.broker.log;

import static dev.sluice.broker.log.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogManagerTest {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(5_000_000L);

    private LogManager open() throws IOException {
        return LogManager.open(dataDir, LogConfig.defaultConfig(), clock);
    }

    @Test
    void shouldCreateTopicsWithOneDirectoryPerPartition() throws IOException {
        try (LogManager manager = open()) {
            final TopicInfo info = manager.createTopic("orders", 3, Map.of(LogConfig.RETENTION_MS, "1000"));
            assertEquals(3, info.partitionCount());
            assertEquals(1000L, info.config().retentionMs());
            assertEquals(Map.of(LogConfig.RETENTION_MS, "1000"), info.configOverrides());
            for (int p = 0; p < 3; p++) {
                assertTrue(Files.isDirectory(dataDir.resolve("orders-" + p)));
                assertEquals(p, manager.partition("orders", p).partition());
            }
            assertNull(manager.partition("orders", 3));
            assertNull(manager.partition("nope", 0));
        }
    }

    @Test
    void shouldRecoverTopicsIdsConfigsAndDataOnReopen() throws IOException {
        final TopicInfo created;
        try (LogManager manager = open()) {
            created = manager.createTopic("a.b_c-d", 2, Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE,
                    LogConfig.LOG_APPEND_TIME));
            manager.createTopic("other", 1, Map.of());
            manager.partition("a.b_c-d", 1).append(batch("v", 3, 1L), 0);
        }
        try (LogManager manager = open()) {
            assertEquals(List.of("a.b_c-d", "other"), manager.topics().stream().map(TopicInfo::name).toList());
            final TopicInfo recovered = manager.topic("a.b_c-d").orElseThrow();
            assertEquals(created.topicId(), recovered.topicId());
            assertEquals(2, recovered.partitionCount());
            assertEquals(LogConfig.LOG_APPEND_TIME, recovered.config().values().get(LogConfig.MESSAGE_TIMESTAMP_TYPE));
            assertEquals(3L, manager.partition("a.b_c-d", 1).logEndOffset());
            assertEquals(0L, manager.partition("a.b_c-d", 0).logEndOffset());
        }
    }

    @Test
    void shouldGiveEveryTopicItsOwnId() throws IOException {
        try (LogManager manager = open()) {
            assertNotEquals(manager.createTopic("x", 1, Map.of()).topicId(), manager.createTopic("y", 1, Map.of()).topicId());
        }
    }

    @Test
    void shouldDeleteTopicsForGood() throws IOException {
        try (LogManager manager = open()) {
            manager.createTopic("gone", 2, Map.of());
            manager.partition("gone", 0).append(batch("g", 1, 1L), 0);
            final PartitionLog held = manager.partition("gone", 0);
            assertTrue(manager.deleteTopic("gone"));
            assertFalse(manager.deleteTopic("gone"));
            assertTrue(manager.topic("gone").isEmpty());
            assertFalse(Files.exists(dataDir.resolve("gone-0")));
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, held.append(batch("g", 1, 1L), 0).error());
        }
        try (LogManager manager = open()) {
            assertTrue(manager.topics().isEmpty());
            manager.createTopic("gone", 1, Map.of());
            assertEquals(0L, manager.partition("gone", 0).logEndOffset(), "a re-created topic starts empty");
        }
    }

    @Test
    void shouldLetAnInFlightSliceFinishAfterItsTopicIsDeleted() throws IOException {
        try (LogManager manager = open()) {
            manager.createTopic("busy", 1, Map.of());
            manager.partition("busy", 0).append(batch("b", 2, 1L), 0);
            final FileSlice slice = manager.partition("busy", 0).read(0, 10_000, true).records();
            assertTrue(manager.deleteTopic("busy"));
            assertEquals(List.of("b-0", "b-1"), TestBatches.values(slice.readAll()));
            slice.release();
            try (var left = Files.list(dataDir.resolve("busy-0"))) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void shouldRemoveDelayedRetiredSegmentsOnceTheirTopicIsDeletedAndReadersAreDone() throws IOException {
        try (LogManager manager = open()) {
            final int size = batch("d", 1, 1L).remaining();
            manager.createTopic("delayed", 1, Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size),
                    LogConfig.RETENTION_BYTES, "0", LogConfig.FILE_DELETE_DELAY_MS, "3600000"));
            final PartitionLog log = manager.partition("delayed", 0);
            log.append(batch("d", 1, clock.millis()), 0);
            final FileSlice slice = log.read(0, 10_000, true).records();
            log.append(batch("d", 1, clock.millis()), 0);
            assertEquals(1, log.enforceRetention());

            assertTrue(manager.deleteTopic("delayed"));
            assertTrue(Files.exists(dataDir.resolve("delayed-0/00000000000000000000.log.deleted")));
            slice.release();
            assertFalse(Files.exists(dataDir.resolve("delayed-0/00000000000000000000.log.deleted")));
        }
    }

    @Test
    void shouldRejectIllegalNamesCountsConfigsAndDuplicates() throws IOException {
        try (LogManager manager = open()) {
            manager.createTopic("t", 1, Map.of());
            assertThrows(IllegalStateException.class, () -> manager.createTopic("t", 1, Map.of()));
            final IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                    () -> manager.createTopic("bad/name", 1, Map.of()));
            assertTrue(badName.getMessage().contains("bad/name"));
            assertThrows(IllegalArgumentException.class, () -> manager.createTopic("..", 1, Map.of()));
            assertThrows(IllegalArgumentException.class, () -> manager.createTopic("x".repeat(250), 1, Map.of()));
            assertThrows(IllegalArgumentException.class, () -> manager.createTopic("zero", 0, Map.of()));
            final IllegalArgumentException badConfig = assertThrows(IllegalArgumentException.class,
                    () -> manager.createTopic("cfg", 1, Map.of(LogConfig.SEGMENT_BYTES, "lots")));
            assertTrue(badConfig.getMessage().contains(LogConfig.SEGMENT_BYTES));
            assertTrue(manager.topic("cfg").isEmpty());
        }
    }

    @Test
    void shouldRunRetentionOnEveryPartition() throws IOException {
        try (LogManager manager = open()) {
            final int size = batch("r", 1, 1L).remaining();
            manager.createTopic("r", 2, Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(size),
                    LogConfig.RETENTION_MS, "1000"));
            for (int p = 0; p < 2; p++) {
                manager.partition("r", p).append(batch("r", 1, clock.millis()), 0);
                manager.partition("r", p).append(batch("r", 1, clock.millis()), 0);
            }
            assertEquals(0, manager.enforceRetention());
            clock.advance(1001);
            assertEquals(2, manager.enforceRetention());
            assertEquals(1L, manager.partition("r", 1).logStartOffset());
        }
    }
}
