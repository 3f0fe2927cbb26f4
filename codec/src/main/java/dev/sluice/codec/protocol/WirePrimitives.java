package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.Varints;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The protocol's primitive encodings (Kafka's protocol guide, "Protocol Primitive Types") as static
 * reads and writes on a big-endian {@link ByteBuffer}.
 *
 * <p>Reads advance the buffer's position and check every fixed width and every length prefix
 * against the bytes remaining <em>before</em> allocating anything; bad input throws
 * {@link MalformedDataException} naming {@code field}. Writes assume the caller sized the buffer
 * (see the {@code sizeOf} methods) and throw {@link IllegalArgumentException} for values the
 * encoding cannot carry (a null where the field is not nullable, a string over 32767 bytes). Stateless and thread-safe.
 *
 * <p>"Compact" means the flexible-version encodings (UNSIGNED_VARINT length N+1, 0 for null).
 */
public final class WirePrimitives {
    /** Bytes a non-compact STRING length prefix takes. */
    public static final int STRING_LENGTH_BYTES = Short.BYTES;
    /** Bytes a non-compact BYTES / ARRAY length prefix takes. */
    public static final int BYTES_LENGTH_BYTES = Integer.BYTES;
    /**
     * Longest string, in UTF-8 bytes, in either encoding. STRING's INT16 length sets it; Kafka holds
     * COMPACT_STRING to the same limit, so a peer never sees a string it could not send back.
     */
    public static final int MAX_STRING_BYTES = Short.MAX_VALUE;
    /** Bytes a UUID takes. */
    public static final int UUID_BYTES = 2 * Long.BYTES;

    private WirePrimitives() {
    }

    // ---------------------------------------------------------------- fixed width

    /** Throws unless {@code needed} bytes remain. */
    public static void require(final ByteBuffer buffer, final long needed, final String field) {
        if (needed > buffer.remaining()) {
            throw new MalformedDataException(field,
                "needs " + needed + " bytes but only " + buffer.remaining() + " remain");
        }
    }

    public static byte readInt8(final ByteBuffer buffer, final String field) {
        require(buffer, 1, field);
        return buffer.get();
    }

    public static short readInt16(final ByteBuffer buffer, final String field) {
        require(buffer, Short.BYTES, field);
        return buffer.getShort();
    }

    /** Reads a UINT16 (0..65535). */
    public static int readUint16(final ByteBuffer buffer, final String field) {
        return readInt16(buffer, field) & 0xffff;
    }

    public static int readInt32(final ByteBuffer buffer, final String field) {
        require(buffer, Integer.BYTES, field);
        return buffer.getInt();
    }

    /** Reads a UINT32 (0..2^32-1). */
    public static long readUint32(final ByteBuffer buffer, final String field) {
        return readInt32(buffer, field) & 0xffffffffL;
    }

    public static long readInt64(final ByteBuffer buffer, final String field) {
        require(buffer, Long.BYTES, field);
        return buffer.getLong();
    }

    public static double readFloat64(final ByteBuffer buffer, final String field) {
        require(buffer, Double.BYTES, field);
        return buffer.getDouble();
    }

    /** Reads a BOOLEAN; like Kafka, any non-zero byte is true. */
    public static boolean readBoolean(final ByteBuffer buffer, final String field) {
        return readInt8(buffer, field) != 0;
    }

    public static UUID readUuid(final ByteBuffer buffer, final String field) {
        require(buffer, UUID_BYTES, field);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    public static void writeUint16(final int value, final ByteBuffer buffer, final String field) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(field + ": " + value + " does not fit UINT16");
        }
        buffer.putShort((short) value);
    }

    public static void writeUint32(final long value, final ByteBuffer buffer, final String field) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(field + ": " + value + " does not fit UINT32");
        }
        buffer.putInt((int) value);
    }

    public static void writeUuid(final UUID value, final ByteBuffer buffer) {
        buffer.putLong(value.getMostSignificantBits());
        buffer.putLong(value.getLeastSignificantBits());
    }

    // ---------------------------------------------------------------- length prefixes

    /**
     * Reads a length prefix: INT16 (strings) or INT32 (bytes, arrays) when not compact,
     * UNSIGNED_VARINT N+1 when compact. Returns -1 for null, which only a nullable field may carry.
     * The length itself is not yet checked against the remaining bytes.
     */
    static long readLength(final ByteBuffer buffer, final boolean compact, final boolean shortLength,
                           final boolean nullable, final String field) {
        final long length;
        if (compact) {
            length = Integer.toUnsignedLong(Varints.readUnsignedVarint(buffer, field)) - 1;
        } else if (shortLength) {
            length = readInt16(buffer, field);
        } else {
            length = readInt32(buffer, field);
        }
        if (length < 0) {
            if (length == -1 && nullable) {
                return -1;
            }
            throw new MalformedDataException(field, length == -1
                ? "is null but the field is not nullable in this version"
                : "has negative length " + length);
        }
        return length;
    }

    static int sizeOfLength(final int length, final boolean compact, final boolean shortLength) {
        if (compact) {
            return Varints.sizeOfUnsignedVarint(length + 1);
        }
        return shortLength ? Short.BYTES : Integer.BYTES;
    }

    static void writeLength(final int length, final ByteBuffer buffer, final boolean compact,
                            final boolean shortLength) {
        if (compact) {
            Varints.writeUnsignedVarint(length + 1, buffer);
        } else if (shortLength) {
            buffer.putShort((short) length);
        } else {
            buffer.putInt(length);
        }
    }

    // ---------------------------------------------------------------- strings

    /**
     * Reads STRING / NULLABLE_STRING / COMPACT_STRING / COMPACT_NULLABLE_STRING. Invalid UTF-8 is
     * rejected rather than replaced, so a corrupt name never silently becomes another name.
     */
    public static String readString(final ByteBuffer buffer, final boolean compact, final boolean nullable,
                                    final String field) {
        final long length = readLength(buffer, compact, true, nullable, field);
        if (length < 0) {
            return null;
        }
        if (length > MAX_STRING_BYTES) {
            throw new MalformedDataException(field, "string of " + length + " bytes exceeds " + MAX_STRING_BYTES);
        }
        require(buffer, length, field);
        final int n = (int) length;
        final int start = buffer.position();
        final byte[] array;
        final int offset;
        if (buffer.hasArray()) {
            array = buffer.array();
            offset = buffer.arrayOffset() + start;
        } else {
            array = new byte[n];
            buffer.get(start, array);
            offset = 0;
        }
        if (!isValidUtf8(array, offset, n)) {
            throw new MalformedDataException(field, "is not valid UTF-8");
        }
        buffer.position(start + n);
        return new String(array, offset, n, StandardCharsets.UTF_8);
    }

    /**
     * Whether the bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing above
     * U+10FFFF. Checked by hand because the JDK's lenient decoding would quietly turn a corrupt name into another
     * name, and a strict CharsetDecoder per string costs more than the rest of the read.
     */
    static boolean isValidUtf8(final byte[] bytes, final int offset, final int length) {
        int i = offset;
        final int end = offset + length;
        while (i < end) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            final int lead = bytes[i] & 0xff;
            final int continuation;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                continuation = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                continuation = 2;
                if (lead == 0xe0) {
                    secondMin = 0xa0;       // overlong
                } else if (lead == 0xed) {
                    secondMax = 0x9f;       // surrogates
                }
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                continuation = 3;
                if (lead == 0xf0) {
                    secondMin = 0x90;       // overlong
                } else if (lead == 0xf4) {
                    secondMax = 0x8f;       // above U+10FFFF
                }
            } else {
                return false;
            }
            if (i + continuation >= end) {
                return false;
            }
            final int second = bytes[i + 1] & 0xff;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= continuation; k++) {
                final int next = bytes[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }

    /**
     * Bytes {@code value} takes in UTF-8, computed without encoding it. Matches
     * {@link String#getBytes(java.nio.charset.Charset)}: an unpaired surrogate becomes one '?'.
     */
    public static int utf8Length(final String value) {
        final int chars = value.length();
        int bytes = 0;
        for (int i = 0; i < chars; i++) {
            final char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Bytes a string field takes on the wire, prefix included. */
    public static int sizeOfString(final String value, final boolean compact) {
        if (value == null) {
            return compact ? 1 : STRING_LENGTH_BYTES;
        }
        final int length = utf8Length(value);
        return sizeOfLength(length, compact, true) + length;
    }

    public static void writeString(final String value, final ByteBuffer buffer, final boolean compact,
                                   final boolean nullable, final String field) {
        if (value == null) {
            if (!nullable) {
                throw new IllegalArgumentException(field + ": null is not allowed here");
            }
            writeLength(-1, buffer, compact, true);
            return;
        }
        final int length = utf8Length(value);
        if (length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(field + ": string of " + length + " bytes exceeds " + MAX_STRING_BYTES);
        }
        writeLength(length, buffer, compact, true);
        if (length == value.length()) {
            // All ASCII: one byte per char, no intermediate array.
            for (int i = 0; i < length; i++) {
                buffer.put((byte) value.charAt(i));
            }
        } else {
            buffer.put(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- bytes

    /** Reads BYTES / NULLABLE_BYTES / COMPACT_(NULLABLE_)BYTES into a new array. */
    public static byte[] readBytes(final ByteBuffer buffer, final boolean compact, final boolean nullable,
                                   final String field) {
        final long length = readLength(buffer, compact, false, nullable, field);
        if (length < 0) {
            return null;
        }
        require(buffer, length, field);
        final byte[] bytes = new byte[(int) length];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Reads RECORDS / COMPACT_RECORDS (and any bytes field) as a slice of {@code buffer}: no copy, so the
     * slice is valid only as long as the frame's memory is.
     */
    public static ByteBuffer readBytesSlice(final ByteBuffer buffer, final boolean compact, final boolean nullable,
                                            final String field) {
        final long length = readLength(buffer, compact, false, nullable, field);
        if (length < 0) {
            return null;
        }
        require(buffer, length, field);
        final int start = buffer.position();
        final ByteBuffer slice = buffer.slice(start, (int) length);
        buffer.position(start + (int) length);
        return slice;
    }

    public static int sizeOfBytes(final int length, final boolean compact) {
        return sizeOfLength(length, compact, false) + Math.max(length, 0);
    }

    public static void writeBytes(final byte[] value, final ByteBuffer buffer, final boolean compact,
                                  final boolean nullable, final String field) {
        if (value == null) {
            if (!nullable) {
                throw new IllegalArgumentException(field + ": null is not allowed here");
            }
            writeLength(-1, buffer, compact, false);
            return;
        }
        writeLength(value.length, buffer, compact, false);
        buffer.put(value);
    }

    // ---------------------------------------------------------------- arrays

    /**
     * Reads an ARRAY / COMPACT_ARRAY element count, -1 for null. A count whose elements could not fit in the
     * remaining bytes, at {@code minElementBytes} each, is rejected here, before the caller allocates a list.
     */
    public static int readArrayCount(final ByteBuffer buffer, final boolean compact, final boolean nullable,
                                     final int minElementBytes, final String field) {
        final long count = readLength(buffer, compact, false, nullable, field);
        if (count < 0) {
            return -1;
        }
        if (count * Math.max(1, minElementBytes) > buffer.remaining()) {
            throw new MalformedDataException(field, "array count " + count + " cannot fit in the "
                + buffer.remaining() + " bytes remaining");
        }
        return (int) count;
    }

    public static int sizeOfArrayCount(final int count, final boolean compact) {
        return sizeOfLength(count, compact, false);
    }

    public static void writeArrayCount(final int count, final ByteBuffer buffer, final boolean compact) {
        writeLength(count, buffer, compact, false);
    }
}
