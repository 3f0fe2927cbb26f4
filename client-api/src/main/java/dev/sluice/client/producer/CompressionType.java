package dev.sluice.client.producer;

import java.util.Locale;

/**
 * Batch compression codecs, with the id stored in the RecordBatch attributes (bits 0-2) and the
 * name used by {@code compression.type}.
 */
public enum CompressionType {
    NONE(0, "none"),
    GZIP(1, "gzip"),
    SNAPPY(2, "snappy"),
    LZ4(3, "lz4"),
    ZSTD(4, "zstd");

    private final int id;
    private final String configName;

    CompressionType(final int id, final String configName) {
        this.id = id;
        this.configName = configName;
    }

    /** The codec id in a RecordBatch's attributes. */
    public int id() {
        return id;
    }

    /** The name as written in {@code compression.type}. */
    public String configName() {
        return configName;
    }

    /**
     * @param name a {@code compression.type} value, any case
     * @throws IllegalArgumentException if no codec has that name
     */
    public static CompressionType forConfigName(final String name) {
        final String lower = name.toLowerCase(Locale.ROOT);
        for (final CompressionType type : values()) {
            if (type.configName.equals(lower)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown compression type " + name);
    }
}
