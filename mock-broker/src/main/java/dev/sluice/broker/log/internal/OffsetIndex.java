package dev.sluice.broker.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Sparse offset index of one segment: entries of (offset relative to the segment's base offset,
 * file position of the batch with that base offset), strictly increasing in both.
 *
 * <p>On disk each entry is 8 bytes, big-endian: INT32 relative offset, INT32 position. The entries
 * are also held in memory so that a lookup is a binary search without I/O. Thread safety: not
 * thread-safe; the owning partition log serialises writers against readers with its lock.
 */
public final class OffsetIndex implements AutoCloseable {
    /** Bytes per entry: relative offset + position. */
    public static final int ENTRY_SIZE = 8;
    private static final int RELATIVE_OFFSET_OFFSET = 0;
    private static final int POSITION_OFFSET = RELATIVE_OFFSET_OFFSET + Integer.BYTES;

    private final Path file;
    private final long baseOffset;
    private final int maxEntries;
    private final FileChannel channel;
    private final ByteBuffer entryBuffer = ByteBuffer.allocate(ENTRY_SIZE);
    private int[] relativeOffsets;
    private int[] positions;
    private int entries;

    private OffsetIndex(final Path file, final long baseOffset, final int maxEntries, final FileChannel channel) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.maxEntries = maxEntries;
        this.channel = channel;
        this.relativeOffsets = new int[16];
        this.positions = new int[16];
    }

    /**
     * Opens (creating if absent) the index at {@code file} and loads its whole entries; a trailing
     * partial entry is ignored and cut off.
     *
     * @param maxIndexBytes the segment.index.bytes capacity; entries beyond it are never appended
     */
    public static OffsetIndex open(final Path file, final long baseOffset, final int maxIndexBytes) throws IOException {
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        final OffsetIndex index = new OffsetIndex(file, baseOffset, Math.max(1, maxIndexBytes / ENTRY_SIZE), channel);
        try {
            index.load();
        } catch (final IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return index;
    }

    private void load() throws IOException {
        final long size = channel.size();
        final int count = (int) Math.min(size / ENTRY_SIZE, maxEntries);
        final ByteBuffer all = ByteBuffer.allocate(count * ENTRY_SIZE);
        while (all.hasRemaining()) {
            if (channel.read(all, all.position()) < 0) {
                break;
            }
        }
        all.flip();
        for (int i = 0; i + ENTRY_SIZE <= all.limit(); i += ENTRY_SIZE) {
            addInMemory(all.getInt(i + RELATIVE_OFFSET_OFFSET), all.getInt(i + POSITION_OFFSET));
        }
        if (size != (long) entries * ENTRY_SIZE) {
            channel.truncate((long) entries * ENTRY_SIZE);
        }
    }

    public Path file() {
        return file;
    }

    public int entries() {
        return entries;
    }

    public boolean isFull() {
        return entries >= maxEntries;
    }

    /** Absolute offset of entry {@code i}. */
    public long offset(final int i) {
        return baseOffset + relativeOffsets[i];
    }

    /** File position of entry {@code i}. */
    public int position(final int i) {
        return positions[i];
    }

    /**
     * Adds an entry for the batch starting at {@code position} whose base offset is {@code offset}.
     * Both must be greater than those of the last entry.
     */
    public void append(final long offset, final int position) throws IOException {
        final long relative = offset - baseOffset;
        if (relative < 0 || relative > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("offset " + offset + " is outside the index range of base offset "
                    + baseOffset);
        }
        if (entries > 0 && (relative <= relativeOffsets[entries - 1] || position <= positions[entries - 1])) {
            throw new IllegalArgumentException("index entry (" + offset + ", " + position
                    + ") does not follow the last entry (" + offset(entries - 1) + ", " + positions[entries - 1] + ")");
        }
        if (isFull()) {
            throw new IllegalStateException("offset index " + file + " is full");
        }
        entryBuffer.clear();
        entryBuffer.putInt(RELATIVE_OFFSET_OFFSET, (int) relative).putInt(POSITION_OFFSET, position);
        final long at = (long) entries * ENTRY_SIZE;
        while (entryBuffer.hasRemaining()) {
            channel.write(entryBuffer, at + entryBuffer.position());
        }
        addInMemory((int) relative, position);
    }

    /**
     * Number of the last entry whose offset is at most {@code offset}, or -1 when there is none.
     * O(log n), no I/O.
     */
    public int entryAtOrBelow(final long offset) {
        final long relative = offset - baseOffset;
        if (entries == 0 || relative < relativeOffsets[0]) {
            return -1;
        }
        final int target = (int) Math.min(relative, Integer.MAX_VALUE);
        int low = 0;
        int high = entries - 1;
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            if (relativeOffsets[mid] <= target) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * File position from which to scan for {@code offset}: the position of the last entry whose offset
     * is at most {@code offset}, or 0 when there is none.
     */
    public int lookup(final long offset) {
        final int entry = entryAtOrBelow(offset);
        return entry < 0 ? 0 : positions[entry];
    }

    /**
     * Number of the last entry whose position is at most {@code maxPosition}, or -1 when there is none.
     * Every entry is the start of a batch, so all bytes before it are whole batches. O(log n), no I/O.
     */
    public int entryAtOrBefore(final long maxPosition) {
        if (entries == 0 || positions[0] > maxPosition) {
            return -1;
        }
        int low = 0;
        int high = entries - 1;
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            if (positions[mid] <= maxPosition) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * Whether the entries could describe a log file of {@code logSize} bytes: strictly increasing and
     * every position inside the file. A stale index left behind by a crash fails this check.
     */
    public boolean isConsistentWith(final long logSize) {
        for (int i = 0; i < entries; i++) {
            if (relativeOffsets[i] < 0 || positions[i] < 0 || positions[i] >= logSize) {
                return false;
            }
            if (i > 0 && (relativeOffsets[i] <= relativeOffsets[i - 1] || positions[i] <= positions[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Keeps only the first {@code count} entries (recovery after truncation, or a full rebuild with 0). */
    public void truncateToEntries(final int count) throws IOException {
        if (count < entries) {
            entries = Math.max(0, count);
            channel.truncate((long) entries * ENTRY_SIZE);
        }
    }

    /** Drops every entry whose position is at or beyond {@code position}. */
    public void truncateToPosition(final int position) throws IOException {
        int keep = entries;
        while (keep > 0 && positions[keep - 1] >= position) {
            keep--;
        }
        truncateToEntries(keep);
    }

    public void flush() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void addInMemory(final int relativeOffset, final int position) {
        if (entries == relativeOffsets.length) {
            relativeOffsets = Arrays.copyOf(relativeOffsets, entries * 2);
            positions = Arrays.copyOf(positions, entries * 2);
        }
        relativeOffsets[entries] = relativeOffset;
        positions[entries] = position;
        entries++;
    }
}
