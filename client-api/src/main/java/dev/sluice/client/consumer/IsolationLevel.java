package dev.sluice.client.consumer;

import java.util.Locale;

/** Which records a fetch may return, as {@code isolation.level}; the id is the FetchRequest field. */
public enum IsolationLevel {
    /** Everything up to the high watermark, including records of open or aborted transactions. */
    READ_UNCOMMITTED((byte) 0),
    /** Only up to the last stable offset, and no records of aborted transactions. */
    READ_COMMITTED((byte) 1);

    private final byte id;

    IsolationLevel(final byte id) {
        this.id = id;
    }

    public byte id() {
        return id;
    }

    /** The name in configuration, e.g. {@code read_committed}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a level */
    public static IsolationLevel forConfigName(final String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
