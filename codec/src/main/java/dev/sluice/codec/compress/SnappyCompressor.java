package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * snappy-java (xerial) stream framing, as its {@code SnappyOutputStream} writes it and Kafka uses:
 * a 16-byte header, then for every 32 KiB of input an INT32-BE length and one raw snappy block.
 */
final class SnappyCompressor extends Compressor {
    static final byte[] MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    static final int HEADER_SIZE = MAGIC.length + 4 + 4;
    static final int STREAM_VERSION = 1;
    static final int MIN_COMPATIBLE_VERSION = 1;
    /** snappy-java's default block size, which decides where Kafka's stream splits its blocks. */
    static final int BLOCK_SIZE = 32 * 1024;

    SnappyCompressor() {
        super(0);
    }

    static int bound(final int length) {
        final int blocks = (length + BLOCK_SIZE - 1) / BLOCK_SIZE;
        // Snappy's own bound per block is 32 + n + n / 6.
        return HEADER_SIZE + blocks * (4 + 32) + length + length / 6 + 6;
    }

    @Override
    public CompressionType type() {
        return CompressionType.SNAPPY;
    }

    @Override
    public int compress(final byte[] src, final int srcOffset, final int length, final byte[] dst, final int dstOffset) {
        if (length == 0) {
            // SnappyOutputStream writes nothing at all, not even its header, when given no input.
            return 0;
        }
        int pos = dstOffset;
        System.arraycopy(MAGIC, 0, dst, pos, MAGIC.length);
        pos += MAGIC.length;
        pos = writeIntBe(dst, pos, STREAM_VERSION);
        pos = writeIntBe(dst, pos, MIN_COMPATIBLE_VERSION);
        int in = srcOffset;
        final int end = srcOffset + length;
        try {
            while (in < end) {
                final int chunk = Math.min(BLOCK_SIZE, end - in);
                final int written = Snappy.compress(src, in, chunk, dst, pos + 4);
                writeIntBe(dst, pos, written);
                pos += 4 + written;
                in += chunk;
            }
        } catch (final IOException e) {
            throw new IllegalStateException("snappy compression failed", e);
        }
        return pos - dstOffset;
    }

    static int writeIntBe(final byte[] dst, final int pos, final int value) {
        dst[pos] = (byte) (value >>> 24);
        dst[pos + 1] = (byte) (value >>> 16);
        dst[pos + 2] = (byte) (value >>> 8);
        dst[pos + 3] = (byte) value;
        return pos + 4;
    }
}
