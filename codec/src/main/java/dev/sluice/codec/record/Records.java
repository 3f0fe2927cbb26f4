package dev.sluice.codec.record;

import dev.sluice.codec.Varints;
import java.nio.ByteBuffer;

/** Sizes of records inside a v2 batch (FORMATS.md 6.2). Stateless. */
final class Records {
    private static final Header[] NO_HEADERS = new Header[0];

    private Records() {
    }

    static Header[] orEmpty(final Header[] headers) {
        return headers == null ? NO_HEADERS : headers;
    }

    /** Bytes of a record after its length varint: attributes through headers. */
    static int sizeOfBody(final int offsetDelta, final long timestampDelta, final int keySize, final int valueSize,
                          final Header[] headers) {
        int size = 1 + Varints.sizeOfVarlong(timestampDelta) + Varints.sizeOfVarint(offsetDelta);
        size += sizeOfField(keySize);
        size += sizeOfField(valueSize);
        size += Varints.sizeOfVarint(headers.length);
        for (final Header header : headers) {
            size += sizeOfField(header.keyBytes().length);
            size += sizeOfField(header.value() == null ? -1 : header.value().length);
        }
        return size;
    }

    /** A length varint plus that many bytes; -1 means null and takes one byte. */
    static int sizeOfField(final int size) {
        return size < 0 ? 1 : Varints.sizeOfVarint(size) + size;
    }

    /** Whole record: length varint plus body. */
    static int sizeOf(final int offsetDelta, final long timestampDelta, final int keySize, final int valueSize,
                      final Header[] headers) {
        final int body = sizeOfBody(offsetDelta, timestampDelta, keySize, valueSize, headers);
        return Varints.sizeOfVarint(body) + body;
    }

    /**
     * Upper bound of one record's size when deltas are unknown: 10-byte timestamp delta and
     * 5-byte offset delta.
     */
    static int maxSizeOf(final int keySize, final int valueSize, final Header[] headers) {
        int size = 1 + 10 + 5 + sizeOfField(keySize) + sizeOfField(valueSize) + 5;
        for (final Header header : headers) {
            size += sizeOfField(header.keyBytes().length);
            size += sizeOfField(header.value() == null ? -1 : header.value().length);
        }
        return 5 + size;
    }

    static int sizeOf(final ByteBuffer buffer) {
        return buffer == null ? -1 : buffer.remaining();
    }

    static int sizeOf(final byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }
}
