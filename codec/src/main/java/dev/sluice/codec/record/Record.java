package dev.sluice.codec.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A reused view of one record inside a batch, as {@link RecordIterator#next()} returns it: valid
 * until the iterator moves on. Key and value are read in place from {@link #buffer()} (the batch's
 * own buffer for an uncompressed batch, the decompression output otherwise); {@link #key()} and
 * {@link #value()} return slices, so they share bytes rather than copy them.
 */
public final class Record {
    ByteBuffer buffer;
    long offset;
    long timestamp;
    int keyOffset;
    int keySize;
    int valueOffset;
    int valueSize;
    int headersOffset;
    int headerCount;
    int sizeInBytes;

    Record() {
    }

    /** The record's offset in the partition: the batch's baseOffset plus its offsetDelta. */
    public long offset() {
        return offset;
    }

    /** Timestamp in ms: the batch's maxTimestamp for LogAppendTime batches, else baseTimestamp + delta. */
    public long timestamp() {
        return timestamp;
    }

    /** The buffer the absolute key/value offsets refer to. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public boolean hasKey() {
        return keySize >= 0;
    }

    /** Key length in bytes, -1 for a null key. */
    public int keySize() {
        return keySize;
    }

    /** Absolute offset of the key in {@link #buffer()}. */
    public int keyOffset() {
        return keyOffset;
    }

    public boolean hasValue() {
        return valueSize >= 0;
    }

    /** Value length in bytes, -1 for a null value. */
    public int valueSize() {
        return valueSize;
    }

    /** Absolute offset of the value in {@link #buffer()}. */
    public int valueOffset() {
        return valueOffset;
    }

    /** The key as a slice of {@link #buffer()}, or null. */
    public ByteBuffer key() {
        return keySize < 0 ? null : buffer.slice(keyOffset, keySize);
    }

    /** The value as a slice of {@link #buffer()}, or null. */
    public ByteBuffer value() {
        return valueSize < 0 ? null : buffer.slice(valueOffset, valueSize);
    }

    public int headerCount() {
        return headerCount;
    }

    /** The headers, decoded into new objects (key as UTF-8 String, value copied or null). */
    public Header[] headers() {
        final Header[] headers = new Header[headerCount];
        int pos = headersOffset;
        final ByteBuffer b = buffer.duplicate();
        for (int i = 0; i < headerCount; i++) {
            b.limit(b.capacity()).position(pos);
            // The iterator validated every length before handing out this record.
            final int keyLength = dev.sluice.codec.Varints.readVarint(b, "headerKeyLength");
            final String key = new String(bytesAt(b, b.position(), keyLength), StandardCharsets.UTF_8);
            b.position(b.position() + keyLength);
            final int valueLength = dev.sluice.codec.Varints.readVarint(b, "headerValueLength");
            final byte[] value = valueLength < 0 ? null : bytesAt(b, b.position(), valueLength);
            pos = b.position() + Math.max(0, valueLength);
            headers[i] = new Header(key, value);
        }
        return headers;
    }

    private static byte[] bytesAt(final ByteBuffer b, final int at, final int length) {
        final byte[] bytes = new byte[length];
        b.get(at, bytes);
        return bytes;
    }

    /** Bytes the record takes in the (uncompressed) records section, its length varint included. */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public String toString() {
        return "Record(offset=" + offset + ", timestamp=" + timestamp + ", key=" + keySize + " bytes, value="
            + valueSize + " bytes, headers=" + headerCount + ")";
    }
}
