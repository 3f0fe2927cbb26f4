package dev.sluice.broker.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Committed offsets of all groups, kept in memory and appended to one file so they survive a
 * broker restart. Each commit is one CRC-checked frame ({@link OffsetFileFormat}); on open the file
 * is replayed, later commits winning, and a torn or corrupt tail is cut off. When most of the file
 * is superseded commits it is rewritten as one frame per group and swapped in atomically.
 *
 * <p>Durability follows the partition log: writes go to the page cache without an fsync per
 * commit (a process crash loses nothing, a power cut may lose the latest commits); compaction and
 * {@link #close()} force to disk.
 *
 * <p>Not thread-safe: owned by the {@link GroupCoordinator}, which calls it under its lock.
 */
public final class OffsetStore implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetStore.class);

    public static final String FILE_NAME = "consumer-offsets.log";
    private static final String COMPACTING_SUFFIX = ".compacting";
    /** Don't bother compacting below this many written entries: the file is small anyway. */
    static final long DEFAULT_COMPACTION_MIN_ENTRIES = 100_000;

    private final Path file;
    private final long compactionMinEntries;
    private FileChannel channel;
    private final Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = new HashMap<>();
    private long entriesInFile;
    private long liveEntries;

    private OffsetStore(final Path file, final long compactionMinEntries) {
        this.file = file;
        this.compactionMinEntries = compactionMinEntries;
    }

    /** A store that keeps nothing across restarts, for brokers without a data directory. */
    public static OffsetStore inMemory() {
        return new OffsetStore(null, Long.MAX_VALUE);
    }

    /** Opens (creating if needed) {@value #FILE_NAME} in {@code directory} and recovers its commits. */
    public static OffsetStore open(final Path directory) throws IOException {
        return open(directory, DEFAULT_COMPACTION_MIN_ENTRIES);
    }

    static OffsetStore open(final Path directory, final long compactionMinEntries) throws IOException {
        Files.createDirectories(directory);
        final OffsetStore store = new OffsetStore(directory.resolve(FILE_NAME), compactionMinEntries);
        Files.deleteIfExists(directory.resolve(FILE_NAME + COMPACTING_SUFFIX));
        store.channel = FileChannel.open(store.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            store.recover();
            store.maybeCompact();
        } catch (IOException | RuntimeException e) {
            store.channel.close();
            throw e;
        }
        return store;
    }

    /** Replays every whole frame; cuts the file at the first frame that is torn or fails its CRC. */
    private void recover() throws IOException {
        final long size = channel.size();
        final ByteBuffer header = ByteBuffer.allocate(OffsetFileFormat.HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN);
        long position = 0;
        String problem = null;
        while (position < size) {
            if (size - position < OffsetFileFormat.HEADER_LENGTH) {
                problem = "torn frame header";
                break;
            }
            header.clear();
            readFully(header, position);
            final int length = header.getInt(OffsetFileFormat.LENGTH_OFFSET);
            final int crc = header.getInt(OffsetFileFormat.CRC_OFFSET);
            final long remaining = size - position - OffsetFileFormat.HEADER_LENGTH;
            if (length < OffsetFileFormat.MIN_PAYLOAD_LENGTH || length > OffsetFileFormat.MAX_PAYLOAD_LENGTH) {
                problem = "frame length " + length + " out of range";
                break;
            }
            if (length > remaining) {
                problem = "torn frame: length " + length + " but " + remaining + " bytes remain";
                break;
            }
            final ByteBuffer payload = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
            readFully(payload, position + OffsetFileFormat.HEADER_LENGTH);
            if (OffsetFileFormat.crc(payload, 0, length) != crc) {
                problem = "frame CRC mismatch";
                break;
            }
            final OffsetFileFormat.Frame frame;
            try {
                frame = OffsetFileFormat.decode(payload.position(0));
            } catch (CorruptOffsetFileException e) {
                problem = e.getMessage();
                break;
            }
            if (frame instanceof OffsetFileFormat.Commit commit) {
                apply(commit.groupId(), commit.offsets());
            } else if (frame instanceof OffsetFileFormat.TopicDeleted deleted) {
                forget(deleted.topic());
            }
            position += OffsetFileFormat.HEADER_LENGTH + length;
        }
        if (problem != null) {
            LOG.warn("Truncating {} at byte {} of {}: {}; commits after that point are lost", file, position, size, problem);
            channel.truncate(position);
        }
        channel.position(position);
    }

    private void readFully(final ByteBuffer buffer, final long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            final int read = channel.read(buffer, at);
            if (read < 0) {
                throw new CorruptOffsetFileException("unexpected end of " + file + " at byte " + at);
            }
            at += read;
        }
        buffer.flip();
    }

    private void apply(final String groupId, final Map<TopicPartition, OffsetAndMetadata> commit) {
        final Map<TopicPartition, OffsetAndMetadata> group = offsets.computeIfAbsent(groupId, g -> new HashMap<>());
        for (final Map.Entry<TopicPartition, OffsetAndMetadata> e : commit.entrySet()) {
            if (group.put(e.getKey(), e.getValue()) == null) {
                liveEntries++;
            }
        }
        entriesInFile += commit.size();
    }

    /**
     * Records a commit: written to the file first, then visible. On an I/O error nothing is
     * applied and the file is cut back to where it was, so a half-written frame never hides later
     * commits.
     */
    public void commit(final String groupId, final Map<TopicPartition, OffsetAndMetadata> commit) throws IOException {
        if (commit.isEmpty()) {
            offsets.computeIfAbsent(groupId, g -> new HashMap<>());
            return;
        }
        if (channel != null) {
            append(OffsetFileFormat.encode(groupId, commit));
        }
        apply(groupId, commit);
        maybeCompact();
    }

    /** Appends a whole frame, or on failure cuts the file back so no half frame hides later ones. */
    private void append(final ByteBuffer frame) throws IOException {
        final long before = channel.position();
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Drops every group's offsets of a deleted topic, so that a topic created later under the same
     * name starts without them (as in Kafka). Written to the file first, like a commit.
     *
     * @return whether any group had offsets of the topic
     */
    public boolean deleteTopic(final String topic) throws IOException {
        if (!hasOffsetsOf(topic)) {
            return false;
        }
        if (channel != null) {
            append(OffsetFileFormat.encodeTopicDeleted(topic));
        }
        forget(topic);
        return true;
    }

    private boolean hasOffsetsOf(final String topic) {
        for (final Map<TopicPartition, OffsetAndMetadata> group : offsets.values()) {
            for (final TopicPartition partition : group.keySet()) {
                if (partition.topic().equals(topic)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void forget(final String topic) {
        for (final Map<TopicPartition, OffsetAndMetadata> group : offsets.values()) {
            final int before = group.size();
            group.keySet().removeIf(partition -> partition.topic().equals(topic));
            liveEntries -= before - group.size();
        }
    }

    /** @return the committed offset, or null if none */
    public OffsetAndMetadata offset(final String groupId, final TopicPartition partition) {
        final Map<TopicPartition, OffsetAndMetadata> group = offsets.get(groupId);
        return group == null ? null : group.get(partition);
    }

    /** Every committed offset of the group; an unmodifiable view, empty if none. */
    public Map<TopicPartition, OffsetAndMetadata> offsets(final String groupId) {
        final Map<TopicPartition, OffsetAndMetadata> group = offsets.get(groupId);
        return group == null ? Map.of() : Collections.unmodifiableMap(group);
    }

    /** Groups that have committed at least once (including empty commits since open). */
    public Set<String> groupIds() {
        return Collections.unmodifiableSet(offsets.keySet());
    }

    /** Entries written to the file since it was last compacted; for tests and metrics. */
    long entriesInFile() {
        return entriesInFile;
    }

    private void maybeCompact() throws IOException {
        if (channel == null || entriesInFile < compactionMinEntries || entriesInFile < 2 * liveEntries) {
            return;
        }
        final Path compacting = file.resolveSibling(file.getFileName() + COMPACTING_SUFFIX);
        try (FileChannel out = FileChannel.open(compacting, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (final Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : offsets.entrySet()) {
                if (group.getValue().isEmpty()) {
                    continue;
                }
                final ByteBuffer frame = OffsetFileFormat.encode(group.getKey(), group.getValue());
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
            out.force(true);
        }
        channel.close();
        Files.move(compacting, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        LOG.debug("Compacted {}: {} entries rewritten as {}", file, entriesInFile, liveEntries);
        entriesInFile = liveEntries;
    }

    /** Forces the file to disk and closes it. */
    @Override
    public void close() throws IOException {
        if (channel != null && channel.isOpen()) {
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
