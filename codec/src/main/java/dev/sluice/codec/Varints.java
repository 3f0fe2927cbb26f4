package dev.sluice.codec;

import java.nio.ByteBuffer;

/**
 * Variable-length integers as Kafka writes them: 7 bits a byte, least significant group first,
 * the high bit set on every byte but the last. The signed forms map through zig-zag first so
 * that small negative numbers stay short.
 *
 * <p>ByteBuffer reads advance the buffer's position; array reads take and return absolute indexes; a varint that runs past the buffer's limit or past its
 * maximum length (5 bytes for 32 bits, 10 for 64) throws {@link MalformedDataException} naming
 * the field. Stateless and thread-safe.
 */
public final class Varints {
    private static final int MAX_VARINT_BYTES = 5;
    private static final int MAX_VARLONG_BYTES = 10;

    private Varints() {
    }

    /** Reads an UNSIGNED_VARINT (up to 32 bits). */
    public static int readUnsignedVarint(final ByteBuffer buffer, final String field) {
        final long packed;
        if (buffer.hasArray()) {
            final int base = buffer.arrayOffset();
            packed = readUnsignedVarint(buffer.array(), base + buffer.position(), base + buffer.limit(), field);
            buffer.position(nextIndex(packed) - base);
        } else {
            final byte[] copy = copyOfHead(buffer);
            packed = readUnsignedVarint(copy, 0, copy.length, field);
            buffer.position(buffer.position() + nextIndex(packed));
        }
        return value(packed);
    }

    /** Reads a zig-zag VARINT (signed 32 bits). */
    public static int readVarint(final ByteBuffer buffer, final String field) {
        final int raw = readUnsignedVarint(buffer, field);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Reads a zig-zag VARLONG (signed 64 bits). */
    public static long readVarlong(final ByteBuffer buffer, final String field) {
        final byte[] array;
        final int index;
        final int limit;
        if (buffer.hasArray()) {
            array = buffer.array();
            index = buffer.arrayOffset() + buffer.position();
            limit = buffer.arrayOffset() + buffer.limit();
        } else {
            array = copyOfHead(buffer);
            index = 0;
            limit = array.length;
        }
        final long value = readVarlong(array, index, limit, field);
        buffer.position(buffer.position() + endOfVarint(array, index) - index);
        return value;
    }

    /**
     * Reads an UNSIGNED_VARINT from {@code array[index]} on, not reading at or past {@code limit}
     * (an absolute array index). Nothing is allocated; the result packs the value and the index
     * just after the varint, unpacked with {@link #value(long)} and {@link #nextIndex(long)}.
     * This is the one varint decoder: the ByteBuffer readers and the record parser go through it.
     *
     * @throws MalformedDataException naming {@code field} if the varint runs to the limit or past 5 bytes
     */
    public static long readUnsignedVarint(final byte[] array, final int index, final int limit, final String field) {
        // One-byte varints are the common case in records (deltas, short lengths): kept tiny to inline.
        if (index < limit) {
            final byte first = array[index];
            if (first >= 0) {
                return pack(first, index + 1);
            }
        }
        return readLongerUnsignedVarint(array, index, limit, field);
    }

    /** As {@link #readUnsignedVarint(byte[], int, int, String)}, with the value zig-zag decoded (signed 32 bits). */
    public static long readVarint(final byte[] array, final int index, final int limit, final String field) {
        final long packed = readUnsignedVarint(array, index, limit, field);
        final int raw = value(packed);
        return pack((raw >>> 1) ^ -(raw & 1), nextIndex(packed));
    }

    /**
     * Reads a zig-zag VARLONG from {@code array[index]} on, not reading at or past {@code limit};
     * {@link #endOfVarint(byte[], int)} then gives the index after it.
     *
     * @throws MalformedDataException naming {@code field} if the varlong runs to the limit or past 10 bytes
     */
    public static long readVarlong(final byte[] array, final int index, final int limit, final String field) {
        long raw = 0;
        int shift = 0;
        final int end = Math.min(limit, index + MAX_VARLONG_BYTES);
        for (int i = index; i < end; i++) {
            final byte b = array[i];
            raw |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            shift += 7;
        }
        if (end == limit && limit - index < MAX_VARLONG_BYTES) {
            throw new MalformedDataException(field, "varlong runs past the end of the data");
        }
        throw new MalformedDataException(field, "varlong is longer than " + MAX_VARLONG_BYTES + " bytes");
    }

    /** The index just after the varint or varlong at {@code index}, which must already have been read successfully. */
    public static int endOfVarint(final byte[] array, final int index) {
        int i = index;
        while (array[i] < 0) {
            i++;
        }
        return i + 1;
    }

    /** The value half of a packed read result. */
    public static int value(final long packed) {
        return (int) packed;
    }

    /** The index-after-the-varint half of a packed read result. */
    public static int nextIndex(final long packed) {
        return (int) (packed >>> 32);
    }

    private static long pack(final int value, final int nextIndex) {
        return (long) nextIndex << 32 | (value & 0xffffffffL);
    }

    private static long readLongerUnsignedVarint(final byte[] array, final int index, final int limit,
                                                 final String field) {
        int value = 0;
        int shift = 0;
        final int end = Math.min(limit, index + MAX_VARINT_BYTES);
        for (int i = index; i < end; i++) {
            final byte b = array[i];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return pack(value, i + 1);
            }
            shift += 7;
        }
        if (end == limit && limit - index < MAX_VARINT_BYTES) {
            throw new MalformedDataException(field, "varint runs past the end of the data");
        }
        throw new MalformedDataException(field, "varint is longer than " + MAX_VARINT_BYTES + " bytes");
    }

    /** Up to a varlong's worth of the buffer's next bytes, so buffers without an array share the array decoder. */
    private static byte[] copyOfHead(final ByteBuffer buffer) {
        final byte[] copy = new byte[Math.min(buffer.remaining(), MAX_VARLONG_BYTES)];
        buffer.get(buffer.position(), copy);
        return copy;
    }

    /** Writes an UNSIGNED_VARINT; the buffer must have {@link #sizeOfUnsignedVarint} bytes left. */
    public static void writeUnsignedVarint(final int value, final ByteBuffer buffer) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /** Writes a zig-zag VARINT. */
    public static void writeVarint(final int value, final ByteBuffer buffer) {
        writeUnsignedVarint((value << 1) ^ (value >> 31), buffer);
    }

    /** Writes a zig-zag VARLONG. */
    public static void writeVarlong(final long value, final ByteBuffer buffer) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7fL) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    /**
     * Writes an UNSIGNED_VARINT at {@code array[index]}, which must have
     * {@link #sizeOfUnsignedVarint} bytes from there (the caller checked the room already: no
     * per-byte buffer bookkeeping, which is what makes this the record builder's hot path).
     *
     * @return the index just after the varint
     */
    public static int writeUnsignedVarint(final int value, final byte[] array, final int index) {
        int v = value;
        int i = index;
        while ((v & ~0x7f) != 0) {
            array[i++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        array[i++] = (byte) v;
        return i;
    }

    /** Writes a zig-zag VARINT at {@code array[index]}; returns the index after it. */
    public static int writeVarint(final int value, final byte[] array, final int index) {
        return writeUnsignedVarint((value << 1) ^ (value >> 31), array, index);
    }

    /** Writes a zig-zag VARLONG at {@code array[index]}, which must have room; returns the index after it. */
    public static int writeVarlong(final long value, final byte[] array, final int index) {
        long v = (value << 1) ^ (value >> 63);
        int i = index;
        while ((v & ~0x7fL) != 0) {
            array[i++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        array[i++] = (byte) v;
        return i;
    }

    /** Bytes an UNSIGNED_VARINT of this value takes, 1 to 5. */
    public static int sizeOfUnsignedVarint(final int value) {
        // Each 7 significant bits need one byte; a zero still takes one.
        final int bits = 32 - Integer.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    /** Bytes a zig-zag VARINT of this value takes, 1 to 5. */
    public static int sizeOfVarint(final int value) {
        return sizeOfUnsignedVarint((value << 1) ^ (value >> 31));
    }

    /** Bytes a zig-zag VARLONG of this value takes, 1 to 10. */
    public static int sizeOfVarlong(final long value) {
        final long zigzag = (value << 1) ^ (value >> 63);
        final int bits = 64 - Long.numberOfLeadingZeros(zigzag);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }
}
