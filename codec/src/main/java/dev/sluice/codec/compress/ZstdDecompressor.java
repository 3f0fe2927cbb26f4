package dev.sluice.codec.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.sluice.codec.record.CorruptRecordException;

/**
 * Reads zstd frames with one reused zstd-jni context. The frame's declared content size (when
 * written) sizes the output; otherwise the output grows by doubling, up to the cap, and the frame
 * is decoded again.
 */
final class ZstdDecompressor extends Decompressor {
    private static final long DST_TOO_SMALL = Zstd.errDstSizeTooSmall();

    private final ZstdDecompressCtx context = new ZstdDecompressCtx();

    @Override
    void decompress(final byte[] src, final int offset, final int length, final DecompressionBuffer out) {
        long declared;
        try {
            declared = Zstd.getFrameContentSize(src, offset, length);
        } catch (final RuntimeException e) {
            declared = -1;
        }
        if (declared > out.maxSize()) {
            throw new CorruptRecordException("records", "zstd frame declares " + declared
                + " bytes, past the limit of " + out.maxSize());
        }
        if (declared > 0) {
            out.ensureRoom((int) declared);
        } else {
            out.ensureRoom((int) Math.min(out.maxSize(), Math.max(DecompressionBuffer.INITIAL_SIZE, 4L * length)));
        }
        while (true) {
            try {
                final int written = context.decompressByteArray(out.array(), out.length(), out.room(), src, offset, length);
                out.advance(written);
                return;
            } catch (final ZstdException e) {
                if (e.getErrorCode() != DST_TOO_SMALL) {
                    throw new CorruptRecordException("records", "invalid zstd data: " + e.getMessage(), e);
                }
                context.reset();
                // The output did not fit: take twice the room, or fail at the cap.
                if (out.length() + out.room() >= out.maxSize()) {
                    throw new CorruptRecordException("records", "zstd data decompresses past the limit of "
                        + out.maxSize() + " bytes");
                }
                out.ensureRoom((int) Math.min((long) out.maxSize() - out.length(), 2L * out.room() + 1));
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
