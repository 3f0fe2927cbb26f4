package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import java.nio.ByteBuffer;

/**
 * Compresses one batch's records section into the codec's stream, framed exactly as kafka-clients
 * frames it. An instance holds the codec's reusable native or Java state (Deflater, zstd context,
 * LZ4 compressor) and is owned by one thread at a time; create one per codec per owner and keep it.
 *
 * <p>Works on arrays so that native codecs need no copies; the caller gives a destination with at
 * least {@link #maxCompressedLength(int)} bytes of room.
 */
public abstract class Compressor implements AutoCloseable {
    private final int level;
    private byte[] inputScratch = new byte[0];
    private byte[] outputScratch = new byte[0];

    protected Compressor(final int level) {
        this.level = level;
    }

    /**
     * A compressor for {@code type} at {@code level} ({@link CompressionLevels#NO_LEVEL} for the
     * codec's default), or null for {@link CompressionType#NONE}.
     *
     * @throws IllegalArgumentException if the level is out of the codec's range
     */
    public static Compressor create(final CompressionType type, final int level) {
        final int checked = CompressionLevels.validate(type, level);
        switch (type) {
            case NONE:
                return null;
            case GZIP:
                return new GzipCompressor(checked);
            case SNAPPY:
                return new SnappyCompressor();
            case LZ4:
                return new Lz4FrameCompressor(checked);
            case ZSTD:
                return new ZstdCompressor(checked);
            default:
                throw new IllegalArgumentException("compression.type: unsupported " + type);
        }
    }

    /** A compressor for {@code type} at its default level, or null for none. */
    public static Compressor create(final CompressionType type) {
        return create(type, CompressionLevels.NO_LEVEL);
    }

    /**
     * Upper bound of what {@code type} can turn {@code length} input bytes into, framing included:
     * the room a batch buffer must keep for its records section.
     */
    public static int maxCompressedLength(final CompressionType type, final int length) {
        switch (type) {
            case NONE:
                return length;
            case GZIP:
                return GzipCompressor.bound(length);
            case SNAPPY:
                return SnappyCompressor.bound(length);
            case LZ4:
                return Lz4FrameCompressor.bound(length);
            case ZSTD:
                return ZstdCompressor.bound(length);
            default:
                throw new IllegalArgumentException("compression.type: unsupported " + type);
        }
    }

    public abstract CompressionType type();

    /** The level in use (0 for snappy). */
    public final int level() {
        return level;
    }

    /** Upper bound of the output for {@code length} input bytes. */
    public final int maxCompressedLength(final int length) {
        return maxCompressedLength(type(), length);
    }

    /**
     * Compresses {@code src[srcOffset, srcOffset + length)} as one stream into {@code dst} from
     * {@code dstOffset}, which must have {@link #maxCompressedLength(int)} bytes of room.
     *
     * @return bytes written
     */
    public abstract int compress(byte[] src, int srcOffset, int length, byte[] dst, int dstOffset);

    /**
     * Compresses {@code length} bytes at absolute {@code offset} of {@code buffer} and writes the
     * compressed stream back over them, through this compressor's reusable scratch arrays (grown
     * to the largest batch seen, then kept). The buffer needs room for the compressed size from
     * {@code offset}; {@link #maxCompressedLength(int)} is always enough.
     *
     * @return the compressed length
     * @throws IllegalStateException if the compressed stream does not fit before the buffer's limit
     */
    public final int compressInPlace(final ByteBuffer buffer, final int offset, final int length) {
        final byte[] in;
        final int inOffset;
        if (buffer.hasArray()) {
            in = buffer.array();
            inOffset = buffer.arrayOffset() + offset;
        } else {
            if (inputScratch.length < length) {
                inputScratch = new byte[length];
            }
            buffer.get(offset, inputScratch, 0, length);
            in = inputScratch;
            inOffset = 0;
        }
        final int bound = maxCompressedLength(length);
        if (outputScratch.length < bound) {
            outputScratch = new byte[bound];
        }
        final int written = compress(in, inOffset, length, outputScratch, 0);
        if (written > buffer.limit() - offset) {
            throw new IllegalStateException(type().configName() + " output of " + written + " bytes does not fit in the "
                + (buffer.limit() - offset) + " bytes left in the batch buffer");
        }
        buffer.put(offset, outputScratch, 0, written);
        return written;
    }

    /** Frees native state; the compressor cannot be used afterwards. */
    @Override
    public void close() {
    }
}
