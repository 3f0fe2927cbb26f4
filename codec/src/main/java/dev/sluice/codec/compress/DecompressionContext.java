package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import java.nio.ByteBuffer;

/**
 * Everything one consumer thread needs to decompress batches over and over without allocating:
 * one decompressor per codec (created on first use) and one output buffer capped at
 * {@link #maxDecompressedBytes()}. Not thread-safe; the output of one call is overwritten by the
 * next.
 */
public final class DecompressionContext implements AutoCloseable {
    /** Default cap on one batch's decompressed records section: 64 MiB, well above Kafka's 1 MiB default batch limits. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

    private final DecompressionBuffer output;
    private final Decompressor[] decompressors = new Decompressor[CompressionType.values().length];
    private byte[] input = new byte[0];
    private ByteBuffer outputView;

    public DecompressionContext() {
        this(DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /** @param maxDecompressedBytes largest decompressed records section accepted, in bytes */
    public DecompressionContext(final int maxDecompressedBytes) {
        this.output = new DecompressionBuffer(maxDecompressedBytes);
    }

    public int maxDecompressedBytes() {
        return output.maxSize();
    }

    /**
     * Decompresses {@code length} bytes at absolute {@code offset} of {@code src} (one whole
     * compressed stream) and returns a view of the output, position 0, limit the decompressed
     * length. The view is valid until the next call.
     *
     * @throws dev.sluice.codec.record.CorruptRecordException if the stream is not valid for its codec
     *                                                        or inflates past the cap
     */
    public ByteBuffer decompress(final CompressionType type, final ByteBuffer src, final int offset, final int length) {
        if (type == CompressionType.NONE) {
            throw new IllegalArgumentException("nothing to decompress for compression type none");
        }
        final byte[] array;
        final int arrayOffset;
        if (src.hasArray()) {
            array = src.array();
            arrayOffset = src.arrayOffset() + offset;
        } else {
            if (input.length < length) {
                input = new byte[length];
            }
            src.get(offset, input, 0, length);
            array = input;
            arrayOffset = 0;
        }
        output.clear();
        decompressor(type).decompress(array, arrayOffset, length, output);
        if (outputView == null || outputView.array() != output.array()) {
            outputView = ByteBuffer.wrap(output.array());
        }
        outputView.limit(output.length()).position(0);
        return outputView;
    }

    private Decompressor decompressor(final CompressionType type) {
        Decompressor decompressor = decompressors[type.id()];
        if (decompressor == null) {
            decompressor = newDecompressor(type);
            decompressors[type.id()] = decompressor;
        }
        return decompressor;
    }

    private static Decompressor newDecompressor(final CompressionType type) {
        switch (type) {
            case GZIP:
                return new GzipDecompressor();
            case SNAPPY:
                return new SnappyDecompressor();
            case LZ4:
                return new Lz4FrameDecompressor();
            case ZSTD:
                return new ZstdDecompressor();
            default:
                throw new IllegalArgumentException("no decompressor for " + type);
        }
    }

    @Override
    public void close() {
        for (final Decompressor decompressor : decompressors) {
            if (decompressor != null) {
                decompressor.close();
            }
        }
    }
}
