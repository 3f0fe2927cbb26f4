package dev.sluice.codec.record;

import java.util.Locale;

/**
 * The codec of a batch's records section, as stored in attribute bits 0-2. The ids and the
 * config names ({@code compression.type}) are Kafka's and never change.
 */
public enum CompressionType {
    NONE(0, "none"),
    GZIP(1, "gzip"),
    SNAPPY(2, "snappy"),
    LZ4(3, "lz4"),
    ZSTD(4, "zstd");

    private static final CompressionType[] BY_ID = values();

    private final int id;
    private final String configName;

    CompressionType(final int id, final String configName) {
        this.id = id;
        this.configName = configName;
    }

    /** The id written into a batch's attributes, 0 to 4. */
    public int id() {
        return id;
    }

    /** The name used in {@code compression.type} configs. */
    public String configName() {
        return configName;
    }

    /**
     * The codec with this attribute id.
     *
     * @throws CorruptRecordException if the id is not one of 0-4 (it came off the wire)
     */
    public static CompressionType forId(final int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new CorruptRecordException("attributes.compression", "unknown compression type id " + id);
        }
        return BY_ID[id];
    }

    /**
     * The codec with this config name (case-insensitive).
     *
     * @throws IllegalArgumentException if the name is none of none, gzip, snappy, lz4, zstd
     */
    public static CompressionType forName(final String name) {
        if (name != null) {
            final String lower = name.toLowerCase(Locale.ROOT);
            for (final CompressionType type : BY_ID) {
                if (type.configName.equals(lower)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("compression.type: unknown value '" + name
            + "', expected one of none, gzip, snappy, lz4, zstd");
    }
}
