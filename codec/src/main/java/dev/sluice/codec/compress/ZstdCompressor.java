package dev.sluice.codec.compress;

import com.github.luben.zstd.ZstdCompressCtx;
import dev.sluice.codec.record.CompressionType;

/** A standard zstd frame (RFC 8878) from one reused zstd-jni compression context. */
final class ZstdCompressor extends Compressor {
    private final ZstdCompressCtx context;

    ZstdCompressor(final int level) {
        super(level);
        this.context = new ZstdCompressCtx();
        context.setLevel(level);
    }

    /** ZSTD_compressBound. */
    static int bound(final int length) {
        final int smallInputMargin = length < (128 << 10) ? ((128 << 10) - length) >> 11 : 0;
        return length + (length >> 8) + smallInputMargin + 64;
    }

    @Override
    public CompressionType type() {
        return CompressionType.ZSTD;
    }

    @Override
    public int compress(final byte[] src, final int srcOffset, final int length, final byte[] dst, final int dstOffset) {
        return context.compressByteArray(dst, dstOffset, bound(length), src, srcOffset, length);
    }

    @Override
    public void close() {
        context.close();
    }
}
