package dev.sluice.broker.group;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetStoreTest {

    @TempDir
    Path dir;

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private static OffsetAndMetadata at(final long offset) {
        return new OffsetAndMetadata(offset, 5, "m" + offset, 1_000 + offset);
    }

    @Test
    void shouldRecoverTheLatestCommitOfEveryPartitionAfterReopen() throws IOException {
        try (OffsetStore store = OffsetStore.open(dir)) {
            store.commit("g1", Map.of(P0, at(1), P1, at(2)));
            store.commit("g1", Map.of(P0, at(10)));
            store.commit("g2", Map.of(P1, new OffsetAndMetadata(7, -1, null, 3)));
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertEquals(at(10), store.offset("g1", P0));
            assertEquals(at(2), store.offset("g1", P1));
            assertEquals(new OffsetAndMetadata(7, -1, null, 3), store.offset("g2", P1));
            assertNull(store.offset("g2", P0));
            assertEquals(Set.of("g1", "g2"), store.groupIds());
        }
    }

    @Test
    void shouldForgetADeletedTopicsOffsetsInEveryGroupAcrossReopen() throws IOException {
        final TopicPartition other = new TopicPartition("payments", 0);
        try (OffsetStore store = OffsetStore.open(dir)) {
            store.commit("g1", Map.of(P0, at(1), other, at(2)));
            store.commit("g2", Map.of(P1, at(3)));
            assertTrue(store.deleteTopic("orders"));
            assertFalse(store.deleteTopic("orders"), "nothing left to delete");
            assertNull(store.offset("g1", P0));
            assertNull(store.offset("g2", P1));
            store.commit("g2", Map.of(P0, at(4)));
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertNull(store.offset("g1", P0));
            assertNull(store.offset("g2", P1));
            assertEquals(at(2), store.offset("g1", other));
            assertEquals(at(4), store.offset("g2", P0), "a commit after the deletion is kept");
        }
    }

    @Test
    void shouldCutATornTailAndKeepAppendingAfterIt() throws IOException {
        try (OffsetStore store = OffsetStore.open(dir)) {
            store.commit("g", Map.of(P0, at(1)));
            store.commit("g", Map.of(P0, at(2)));
        }
        final Path file = dir.resolve(OffsetStore.FILE_NAME);
        final long whole = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 3);
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertEquals(at(1), store.offset("g", P0), "the torn second commit is dropped whole");
            store.commit("g", Map.of(P1, at(3)));
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertEquals(at(1), store.offset("g", P0));
            assertEquals(at(3), store.offset("g", P1), "a commit after the cut is not hidden by garbage");
        }
    }

    @Test
    void shouldStopAtAFrameWithABadCrc() throws IOException {
        final long firstFrameEnd;
        try (OffsetStore store = OffsetStore.open(dir)) {
            store.commit("g", Map.of(P0, at(1)));
            firstFrameEnd = Files.size(dir.resolve(OffsetStore.FILE_NAME));
            store.commit("g", Map.of(P0, at(2)));
        }
        flipByte(dir.resolve(OffsetStore.FILE_NAME), firstFrameEnd + OffsetFileFormat.HEADER_LENGTH + 3);
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertEquals(at(1), store.offset("g", P0));
        }
        assertEquals(firstFrameEnd, Files.size(dir.resolve(OffsetStore.FILE_NAME)));
    }

    @Test
    void shouldNotAllocateForAHostileLengthPrefix() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(OffsetStore.FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).putInt(0).flip());
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertTrue(store.groupIds().isEmpty());
            store.commit("g", Map.of(P0, at(4)));
        }
        try (OffsetStore store = OffsetStore.open(dir)) {
            assertEquals(at(4), store.offset("g", P0));
        }
    }

    @Test
    void shouldCompactSupersededCommitsAndKeepTheLatest() throws IOException {
        try (OffsetStore store = OffsetStore.open(dir, 10)) {
            for (int i = 0; i < 100; i++) {
                store.commit("g", Map.of(P0, at(i), P1, at(1_000 + i)));
            }
            assertTrue(store.entriesInFile() < 20, "entries in file: " + store.entriesInFile());
        }
        try (OffsetStore store = OffsetStore.open(dir, 10)) {
            assertEquals(at(99), store.offset("g", P0));
            assertEquals(at(1_099), store.offset("g", P1));
        }
    }

    @Test
    void shouldRejectCorruptPayloadsNamingTheField() {
        final ByteBuffer frame = OffsetFileFormat.encode("g", Map.of(P0, at(1)));
        final ByteBuffer payload = frame.slice(OffsetFileFormat.PAYLOAD_OFFSET, frame.limit() - OffsetFileFormat.PAYLOAD_OFFSET);
        payload.putShort(1, (short) 400);
        final CorruptOffsetFileException e = org.junit.jupiter.api.Assertions.assertThrows(CorruptOffsetFileException.class,
                () -> OffsetFileFormat.decode(payload));
        assertTrue(e.getMessage().contains("groupId"), e.getMessage());
    }

    @Test
    void shouldKeepCommittedOffsetsOfACoordinatorAcrossRestart() throws IOException {
        final ManualClock clock = new ManualClock(5_000);
        try (GroupCoordinator coordinator = new GroupCoordinator(GroupConfig.defaults(), OffsetStore.open(dir), clock)) {
            coordinator.commitOffsets(new OffsetCommitParams("g", -1, "", null,
                    List.of(new OffsetCommitParams.Entry(P1, 99, 2, "hello"))));
        }
        try (GroupCoordinator coordinator = new GroupCoordinator(GroupConfig.defaults(), OffsetStore.open(dir), clock)) {
            final OffsetFetchResult.PartitionOffset fetched = coordinator.fetchOffsets("g", null).partitions().get(0);
            assertEquals(P1, fetched.partition());
            assertEquals(99, fetched.offset());
            assertEquals(2, fetched.leaderEpoch());
            assertEquals("hello", fetched.metadata());
            assertEquals(List.of(new GroupListing("g", "", GroupState.EMPTY)), coordinator.listGroups(Set.of()));
        }
    }

    private static void flipByte(final Path file, final long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.flip();
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            channel.write(one, position);
        }
    }
}
