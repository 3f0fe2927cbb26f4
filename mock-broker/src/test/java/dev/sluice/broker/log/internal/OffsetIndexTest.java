package dev.sluice.broker.log.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetIndexTest {
    private static final long BASE = 1_000L;

    @TempDir
    Path dir;

    @Test
    void shouldFindTheLastEntryAtOrBelowAnOffset() throws IOException {
        try (OffsetIndex index = OffsetIndex.open(dir.resolve("a.index"), BASE, 1024)) {
            index.append(BASE + 10, 100);
            index.append(BASE + 20, 200);
            index.append(BASE + 35, 350);
            assertEquals(0, index.lookup(BASE));
            assertEquals(0, index.lookup(BASE + 9));
            assertEquals(100, index.lookup(BASE + 10));
            assertEquals(100, index.lookup(BASE + 19));
            assertEquals(200, index.lookup(BASE + 34));
            assertEquals(350, index.lookup(BASE + 35));
            assertEquals(350, index.lookup(Long.MAX_VALUE));
            assertEquals(0, index.lookup(0));
        }
    }

    @Test
    void shouldFindTheLastEntryWithinAPositionLimit() throws IOException {
        try (OffsetIndex index = OffsetIndex.open(dir.resolve("f.index"), BASE, 1024)) {
            assertEquals(-1, index.entryAtOrBefore(1_000));
            index.append(BASE + 10, 100);
            index.append(BASE + 20, 200);
            assertEquals(-1, index.entryAtOrBefore(99));
            assertEquals(0, index.entryAtOrBefore(100));
            assertEquals(0, index.entryAtOrBefore(199));
            assertEquals(1, index.entryAtOrBefore(Integer.MAX_VALUE + 10L));
        }
    }

    @Test
    void shouldPersistEntriesAndDropATornTrailingEntry() throws IOException {
        final Path file = dir.resolve("p.index");
        try (OffsetIndex index = OffsetIndex.open(file, BASE, 1024)) {
            index.append(BASE + 1, 10);
            index.append(BASE + 2, 20);
        }
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (OffsetIndex index = OffsetIndex.open(file, BASE, 1024)) {
            assertEquals(2, index.entries());
            assertEquals(BASE + 2, index.offset(1));
            assertEquals(20, index.position(1));
        }
        assertEquals(16L, Files.size(file));
    }

    @Test
    void shouldRefuseEntriesOutOfOrderOrBeyondCapacity() throws IOException {
        try (OffsetIndex index = OffsetIndex.open(dir.resolve("c.index"), BASE, 16)) {
            index.append(BASE + 5, 50);
            assertThrows(IllegalArgumentException.class, () -> index.append(BASE + 5, 60));
            assertThrows(IllegalArgumentException.class, () -> index.append(BASE + 6, 50));
            assertThrows(IllegalArgumentException.class, () -> index.append(BASE - 1, 70));
            index.append(BASE + 6, 60);
            assertTrue(index.isFull());
            assertThrows(IllegalStateException.class, () -> index.append(BASE + 7, 70));
        }
    }

    @Test
    void shouldJudgeConsistencyAgainstTheLogSize() throws IOException {
        try (OffsetIndex index = OffsetIndex.open(dir.resolve("s.index"), BASE, 1024)) {
            index.append(BASE + 1, 10);
            index.append(BASE + 2, 90);
            assertTrue(index.isConsistentWith(91));
            assertFalse(index.isConsistentWith(90));
            index.truncateToPosition(90);
            assertEquals(1, index.entries());
            assertTrue(index.isConsistentWith(11));
        }
    }
}
