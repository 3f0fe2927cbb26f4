package dev.sluice.codec.compress;

import dev.sluice.codec.record.CorruptRecordException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Reads an LZ4 frame the way kafka-clients does for magic 1 and 2: version 01 with independent
 * blocks only, the descriptor checksum verified, a content size skipped, block checksums verified
 * when flagged, a content checksum skipped.
 */
final class Lz4FrameDecompressor extends Decompressor {
    private static final int FLG_VERSION_MASK = 0xC0;
    private static final int FLG_VERSION_01 = 0x40;
    private static final int FLG_INDEPENDENT = 0x20;
    private static final int FLG_BLOCK_CHECKSUM = 0x10;
    private static final int FLG_CONTENT_SIZE = 0x08;
    private static final int FLG_CONTENT_CHECKSUM = 0x04;
    private static final int FLG_RESERVED = 0x03;
    private static final int BD_RESERVED = 0x8F;

    private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();

    @Override
    void decompress(final byte[] src, final int offset, final int length, final DecompressionBuffer out) {
        final int end = offset + length;
        if (length < Lz4FrameCompressor.FRAME_HEADER_SIZE) {
            throw new CorruptRecordException("records", "lz4 frame header is truncated");
        }
        if (readIntLe(src, offset) != Lz4FrameCompressor.MAGIC) {
            throw new CorruptRecordException("records", "not an lz4 frame (bad magic)");
        }
        final int flg = src[offset + 4] & 0xff;
        final int bd = src[offset + 5] & 0xff;
        if ((flg & FLG_VERSION_MASK) != FLG_VERSION_01 || (flg & FLG_RESERVED) != 0) {
            throw new CorruptRecordException("records", "unsupported lz4 frame version or flags 0x" + Integer.toHexString(flg));
        }
        if ((flg & FLG_INDEPENDENT) == 0) {
            throw new CorruptRecordException("records", "lz4 frames with dependent blocks are not supported");
        }
        final int blockSizeCode = (bd >> 4) & 0x7;
        if ((bd & BD_RESERVED) != 0 || blockSizeCode < 4) {
            throw new CorruptRecordException("records", "invalid lz4 block descriptor 0x" + Integer.toHexString(bd));
        }
        final int maxBlockSize = 1 << (2 * blockSizeCode + 8);
        int pos = offset + 6;
        if ((flg & FLG_CONTENT_SIZE) != 0) {
            pos += 8;
        }
        if (end - pos < 1) {
            throw new CorruptRecordException("records", "lz4 frame header is truncated");
        }
        final byte expected = Lz4FrameCompressor.headerChecksum(src, offset + 4, pos - offset - 4);
        if (src[pos] != expected) {
            throw new CorruptRecordException("records", "lz4 frame descriptor checksum does not match");
        }
        pos++;
        final boolean blockChecksum = (flg & FLG_BLOCK_CHECKSUM) != 0;
        while (true) {
            if (end - pos < 4) {
                throw new CorruptRecordException("records", "lz4 frame is truncated before its end mark");
            }
            final int raw = readIntLe(src, pos);
            pos += 4;
            if (raw == 0) {
                break;
            }
            final boolean stored = (raw & Lz4FrameCompressor.UNCOMPRESSED_FLAG) != 0;
            final int size = raw & ~Lz4FrameCompressor.UNCOMPRESSED_FLAG;
            if (size > maxBlockSize || size > end - pos - (blockChecksum ? 4 : 0)) {
                throw new CorruptRecordException("records", "lz4 block size " + size + " runs past the data or the "
                    + maxBlockSize + "-byte block maximum");
            }
            if (blockChecksum) {
                final int hash = Lz4FrameCompressor.XXHASH.hash(src, pos, size, 0);
                if (readIntLe(src, pos + size) != hash) {
                    throw new CorruptRecordException("records", "lz4 block checksum does not match");
                }
            }
            if (stored) {
                out.ensureRoom(size);
                System.arraycopy(src, pos, out.array(), out.length(), size);
                out.advance(size);
            } else {
                final int room = Math.min(maxBlockSize, out.maxSize() - out.length());
                out.ensureRoom(Math.max(0, room));
                try {
                    final int written = decompressor.decompress(src, pos, size, out.array(), out.length(), room);
                    out.advance(written);
                } catch (final LZ4Exception e) {
                    if (room < maxBlockSize) {
                        throw new CorruptRecordException("records", "lz4 block is invalid or decompresses past the limit of "
                            + out.maxSize() + " bytes", e);
                    }
                    throw new CorruptRecordException("records", "invalid lz4 block: " + e.getMessage(), e);
                }
            }
            pos += size + (blockChecksum ? 4 : 0);
        }
        if ((flg & FLG_CONTENT_CHECKSUM) != 0) {
            if (end - pos < 4) {
                throw new CorruptRecordException("records", "lz4 content checksum is truncated");
            }
        }
    }

    private static int readIntLe(final byte[] src, final int pos) {
        return (src[pos] & 0xff) | (src[pos + 1] & 0xff) << 8 | (src[pos + 2] & 0xff) << 16 | (src[pos + 3] & 0xff) << 24;
    }
}
