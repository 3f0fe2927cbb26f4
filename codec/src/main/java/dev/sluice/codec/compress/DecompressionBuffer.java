package dev.sluice.codec.compress;

import dev.sluice.codec.record.CorruptRecordException;

/**
 * The growable output array a decompressor writes into, never growing past a cap: a stream that
 * would inflate beyond it (a decompression bomb, or just a batch bigger than allowed) is rejected
 * before the memory is taken. Reused across batches by its owning thread.
 */
public final class DecompressionBuffer {
    static final int INITIAL_SIZE = 64 * 1024;

    private final int maxSize;
    private byte[] array;
    private int length;

    /** @param maxSize the largest decompressed records section accepted, in bytes */
    public DecompressionBuffer(final int maxSize) {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.maxSize = maxSize;
        this.array = new byte[Math.min(INITIAL_SIZE, maxSize)];
    }

    public int maxSize() {
        return maxSize;
    }

    /** The backing array; valid bytes are [0, length()). Replaced when the buffer grows. */
    public byte[] array() {
        return array;
    }

    /** Bytes written so far. */
    public int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    void advance(final int bytes) {
        length += bytes;
    }

    /** Free room after length(). */
    int room() {
        return array.length - length;
    }

    /** Makes at least {@code needed} bytes of room after length(), or throws if that passes the cap. */
    void ensureRoom(final int needed) {
        if (needed <= array.length - length) {
            return;
        }
        final long required = (long) length + needed;
        if (required > maxSize) {
            throw bomb(required);
        }
        grow((int) required);
    }

    /** Grows the room (doubling, up to the cap) when it is full; throws if already at the cap. */
    void growWhenFull() {
        if (length < array.length) {
            return;
        }
        if (array.length >= maxSize) {
            throw bomb((long) length + 1);
        }
        grow(array.length + 1);
    }

    private void grow(final int required) {
        final long doubled = Math.max((long) array.length * 2, required);
        final byte[] bigger = new byte[(int) Math.min(doubled, maxSize)];
        System.arraycopy(array, 0, bigger, 0, length);
        array = bigger;
    }

    private CorruptRecordException bomb(final long required) {
        return new CorruptRecordException("records", "decompressed size exceeds the limit of " + maxSize
            + " bytes (needs at least " + required + ")");
    }
}
