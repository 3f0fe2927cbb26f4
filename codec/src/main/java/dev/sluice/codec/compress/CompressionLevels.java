package dev.sluice.codec.compress;

import dev.sluice.codec.record.CompressionType;
import java.util.zip.Deflater;

/**
 * Compression level settings (KIP-390): config keys, ranges and defaults, and their validation.
 * A level changes only the ratio and speed, never the wire format.
 */
public final class CompressionLevels {
    public static final String GZIP_LEVEL_CONFIG = "compression.gzip.level";
    public static final String LZ4_LEVEL_CONFIG = "compression.lz4.level";
    public static final String ZSTD_LEVEL_CONFIG = "compression.zstd.level";

    public static final int GZIP_MIN_LEVEL = Deflater.BEST_SPEED;
    public static final int GZIP_MAX_LEVEL = Deflater.BEST_COMPRESSION;
    /** Deflater's own default (-1, which zlib treats as 6); also accepted as a configured value. */
    public static final int GZIP_DEFAULT_LEVEL = Deflater.DEFAULT_COMPRESSION;

    public static final int LZ4_MIN_LEVEL = 1;
    public static final int LZ4_MAX_LEVEL = 17;
    /** At this level the fast (non-HC) LZ4 compressor is used, as kafka-clients does; others use HC. */
    public static final int LZ4_DEFAULT_LEVEL = 9;

    /** zstd's own lowest level, ZSTD_minCLevel() = -(1 << 17): negative levels trade ratio for speed. */
    public static final int ZSTD_MIN_LEVEL = -131072;
    public static final int ZSTD_MAX_LEVEL = 22;
    public static final int ZSTD_DEFAULT_LEVEL = 3;

    /** Level value meaning "no level set": the codec's default. */
    public static final int NO_LEVEL = Integer.MIN_VALUE;

    private CompressionLevels() {
    }

    /** The default level of a codec (0 for none and snappy, which have no levels). */
    public static int defaultLevel(final CompressionType type) {
        switch (type) {
            case GZIP:
                return GZIP_DEFAULT_LEVEL;
            case LZ4:
                return LZ4_DEFAULT_LEVEL;
            case ZSTD:
                return ZSTD_DEFAULT_LEVEL;
            default:
                return 0;
        }
    }

    /**
     * Returns {@code level} if it is valid for the codec, the codec's default for {@link #NO_LEVEL}.
     *
     * @throws IllegalArgumentException naming the config key, the value and the allowed range
     */
    public static int validate(final CompressionType type, final int level) {
        if (level == NO_LEVEL) {
            return defaultLevel(type);
        }
        switch (type) {
            case GZIP:
                if (level == GZIP_DEFAULT_LEVEL) {
                    return level;
                }
                return checkRange(GZIP_LEVEL_CONFIG, level, GZIP_MIN_LEVEL, GZIP_MAX_LEVEL, " (or -1 for the default)");
            case LZ4:
                return checkRange(LZ4_LEVEL_CONFIG, level, LZ4_MIN_LEVEL, LZ4_MAX_LEVEL, "");
            case ZSTD:
                return checkRange(ZSTD_LEVEL_CONFIG, level, ZSTD_MIN_LEVEL, ZSTD_MAX_LEVEL, "");
            default:
                return level;
        }
    }

    private static int checkRange(final String key, final int level, final int min, final int max, final String extra) {
        if (level < min || level > max) {
            throw new IllegalArgumentException(key + ": invalid value " + level + ", must be in [" + min + ", " + max
                + "]" + extra);
        }
        return level;
    }
}
