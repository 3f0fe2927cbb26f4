package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The LZ4 frame as kafka-clients writes it for magic 1 and 2: FLG 0x60 (version 01, independent
 * blocks, no checksums, no content size), BD 0x40 (64 KiB blocks), HC from xxHash32, blocks whose
 * size has the high bit set when stored uncompressed (compression did not shrink them), and a zero
 * end mark. Like kafka-clients 3.8+, the default level 9 uses lz4's fast compressor and every other
 * level its HC compressor at that level.
 */
final class Lz4FrameCompressor extends Compressor {
    static final int MAGIC = 0x184D2204;
    static final int FLG = 0x60;
    static final int BD = 0x40;
    static final int BLOCK_SIZE = 64 * 1024;
    static final int FRAME_HEADER_SIZE = 7;
    static final int UNCOMPRESSED_FLAG = 0x80000000;

    static final XXHash32 XXHASH = XXHashFactory.fastestInstance().hash32();

    private final LZ4Compressor compressor;

    Lz4FrameCompressor(final int level) {
        super(level);
        final LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = level == CompressionLevels.LZ4_DEFAULT_LEVEL ? factory.fastCompressor() : factory.highCompressor(level);
    }

    static int bound(final int length) {
        final int blocks = Math.max(1, (length + BLOCK_SIZE - 1) / BLOCK_SIZE);
        // lz4's per-block bound is n + n / 255 + 16; each block also carries a 4-byte size.
        return FRAME_HEADER_SIZE + blocks * (4 + 16) + length + length / 255 + 4;
    }

    /** The descriptor checksum: byte 1 of xxHash32 (seed 0) over FLG and BD. */
    static byte headerChecksum(final byte[] frame, final int descriptorOffset, final int descriptorLength) {
        return (byte) ((XXHASH.hash(frame, descriptorOffset, descriptorLength, 0) >> 8) & 0xff);
    }

    @Override
    public CompressionType type() {
        return CompressionType.LZ4;
    }

    @Override
    public int compress(final byte[] src, final int srcOffset, final int length, final byte[] dst, final int dstOffset) {
        int pos = writeIntLe(dst, dstOffset, MAGIC);
        dst[pos++] = (byte) FLG;
        dst[pos++] = (byte) BD;
        dst[pos] = headerChecksum(dst, dstOffset + 4, 2);
        pos++;
        int in = srcOffset;
        final int end = srcOffset + length;
        while (in < end) {
            final int chunk = Math.min(BLOCK_SIZE, end - in);
            final int room = compressor.maxCompressedLength(chunk);
            final int written = compressor.compress(src, in, chunk, dst, pos + 4, room);
            if (written >= chunk) {
                writeIntLe(dst, pos, chunk | UNCOMPRESSED_FLAG);
                System.arraycopy(src, in, dst, pos + 4, chunk);
                pos += 4 + chunk;
            } else {
                writeIntLe(dst, pos, written);
                pos += 4 + written;
            }
            in += chunk;
        }
        pos = writeIntLe(dst, pos, 0);
        return pos - dstOffset;
    }

    static int writeIntLe(final byte[] dst, final int pos, final int value) {
        dst[pos] = (byte) value;
        dst[pos + 1] = (byte) (value >>> 8);
        dst[pos + 2] = (byte) (value >>> 16);
        dst[pos + 3] = (byte) (value >>> 24);
        return pos + 4;
    }
}
