package dev.sluice.codec.compress;

import dev.sluice.codec.record.CorruptRecordException;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Reads snappy-java stream framing (header, then length-prefixed raw blocks, headers allowed again
 * between blocks) and, like snappy-java's reader, a lone raw snappy block with no header.
 */
final class SnappyDecompressor extends Decompressor {

    @Override
    void decompress(final byte[] src, final int offset, final int length, final DecompressionBuffer out) {
        final int end = offset + length;
        if (!hasMagicAt(src, offset, end)) {
            block(src, offset, length, out);
            return;
        }
        int pos = offset;
        while (pos < end) {
            if (hasMagicAt(src, pos, end)) {
                if (end - pos < SnappyCompressor.HEADER_SIZE) {
                    throw new CorruptRecordException("records", "snappy stream header is truncated");
                }
                pos += SnappyCompressor.HEADER_SIZE;
                continue;
            }
            if (end - pos < 4) {
                throw new CorruptRecordException("records", "snappy block length is truncated");
            }
            final int blockLength = (src[pos] & 0xff) << 24 | (src[pos + 1] & 0xff) << 16 | (src[pos + 2] & 0xff) << 8
                | (src[pos + 3] & 0xff);
            pos += 4;
            if (blockLength < 0 || blockLength > end - pos) {
                throw new CorruptRecordException("records", "snappy block length " + blockLength + " runs past the "
                    + (end - pos) + " bytes left");
            }
            block(src, pos, blockLength, out);
            pos += blockLength;
        }
    }

    private static boolean hasMagicAt(final byte[] src, final int pos, final int end) {
        final byte[] magic = SnappyCompressor.MAGIC;
        if (end - pos < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (src[pos + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static void block(final byte[] src, final int pos, final int length, final DecompressionBuffer out) {
        try {
            final int size = Snappy.uncompressedLength(src, pos, length);
            if (size < 0) {
                throw new CorruptRecordException("records", "snappy block claims a negative size " + size);
            }
            out.ensureRoom(size);
            // The native decoder trusts the declared size for its output, which ensureRoom just made room for.
            final int written = Snappy.uncompress(src, pos, length, out.array(), out.length());
            if (written != size) {
                throw new CorruptRecordException("records", "snappy block decoded to " + written + " bytes, not "
                    + size);
            }
            out.advance(written);
        } catch (final IOException e) {
            throw new CorruptRecordException("records", "invalid snappy block: " + e.getMessage(), e);
        }
    }
}
