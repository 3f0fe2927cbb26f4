package dev.sluice.codec;

import java.nio.ByteBuffer;

/**
 * Variable-length integers as Kafka writes them: 7 bits a byte, least significant group first,
 * the high bit set on every byte but the last. The signed forms map through zig-zag first so
 * that small negative numbers stay short.
 *
 * <p>Reads advance the buffer's position; a varint that runs past the buffer's limit or past its
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
        int value = 0;
        int shift = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (!buffer.hasRemaining()) {
                throw new MalformedDataException(field, "varint runs past the end of the data");
            }
            final byte b = buffer.get();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
        throw new MalformedDataException(field, "varint is longer than " + MAX_VARINT_BYTES + " bytes");
    }

    /** Reads a zig-zag VARINT (signed 32 bits). */
    public static int readVarint(final ByteBuffer buffer, final String field) {
        final int raw = readUnsignedVarint(buffer, field);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Reads a zig-zag VARLONG (signed 64 bits). */
    public static long readVarlong(final ByteBuffer buffer, final String field) {
        long raw = 0;
        int shift = 0;
        for (int i = 0; i < MAX_VARLONG_BYTES; i++) {
            if (!buffer.hasRemaining()) {
                throw new MalformedDataException(field, "varlong runs past the end of the data");
            }
            final byte b = buffer.get();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
            shift += 7;
        }
        throw new MalformedDataException(field, "varlong is longer than " + MAX_VARLONG_BYTES + " bytes");
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
