package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** GZIP (RFC 1952): a 10-byte header, raw deflate, CRC-32 and size trailer; one reused Deflater. */
final class GzipCompressor extends Compressor {
    static final int HEADER_SIZE = 10;
    static final int TRAILER_SIZE = 8;

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();

    GzipCompressor(final int level) {
        super(level);
        this.deflater = new Deflater(level, true);
    }

    /** zlib's deflateBound for default memLevel, plus the gzip wrapper and slack. */
    static int bound(final int length) {
        return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + HEADER_SIZE + TRAILER_SIZE + 64;
    }

    @Override
    public CompressionType type() {
        return CompressionType.GZIP;
    }

    @Override
    public int compress(final byte[] src, final int srcOffset, final int length, final byte[] dst, final int dstOffset) {
        int pos = dstOffset;
        dst[pos++] = (byte) 0x1f;
        dst[pos++] = (byte) 0x8b;
        dst[pos++] = Deflater.DEFLATED;
        // FLG, MTIME (4), XFL zero and OS 255 (unknown), as java.util.zip.GZIPOutputStream writes them,
        // so that batches come out byte for byte as kafka-clients builds them.
        for (int i = 0; i < 6; i++) {
            dst[pos++] = 0;
        }
        dst[pos++] = (byte) 0xff;
        deflater.reset();
        deflater.setInput(src, srcOffset, length);
        deflater.finish();
        final int end = dstOffset + bound(length) - TRAILER_SIZE;
        while (!deflater.finished()) {
            final int written = deflater.deflate(dst, pos, end - pos);
            if (written == 0 && pos >= end) {
                throw new IllegalStateException("gzip output exceeded its bound of " + bound(length) + " bytes");
            }
            pos += written;
        }
        crc.reset();
        crc.update(src, srcOffset, length);
        pos = writeIntLe(dst, pos, (int) crc.getValue());
        pos = writeIntLe(dst, pos, length);
        return pos - dstOffset;
    }

    private static int writeIntLe(final byte[] dst, final int pos, final int value) {
        dst[pos] = (byte) value;
        dst[pos + 1] = (byte) (value >>> 8);
        dst[pos + 2] = (byte) (value >>> 16);
        dst[pos + 3] = (byte) (value >>> 24);
        return pos + 4;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
