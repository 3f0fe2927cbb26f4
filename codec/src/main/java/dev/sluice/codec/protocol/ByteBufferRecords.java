package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Records held in a {@link ByteBuffer}: the bytes between its position and limit.
 *
 * <p>Reading a RECORDS field yields one of these around a slice of the frame, so the records are not
 * copied; the slice shares the frame's memory and is valid as long as the frame's buffer is. The wrapped
 * buffer's position and limit are never moved by this class; {@link #buffer()} hands out a duplicate.
 * Equality is by content, which is what message comparisons in tests need.
 */
public final class ByteBufferRecords implements RecordsPayload {
    private final ByteBuffer buffer;

    private ByteBufferRecords(final ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps the remaining bytes of {@code buffer} (not copied; later changes to the bytes show through). */
    public static ByteBufferRecords wrap(final ByteBuffer buffer) {
        return new ByteBufferRecords(Objects.requireNonNull(buffer, "buffer").slice());
    }

    /** Wraps {@code bytes} without copying them. */
    public static ByteBufferRecords wrap(final byte[] bytes) {
        return new ByteBufferRecords(ByteBuffer.wrap(bytes));
    }

    /** A duplicate view of the records: position 0, limit {@link #sizeInBytes()}; moving it is harmless. */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    @Override
    public long sizeInBytes() {
        return buffer.remaining();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ByteBufferRecords && buffer.equals(((ByteBufferRecords) other).buffer);
    }

    @Override
    public int hashCode() {
        return buffer.hashCode();
    }

    @Override
    public String toString() {
        return "ByteBufferRecords(" + buffer.remaining() + " bytes)";
    }
}
