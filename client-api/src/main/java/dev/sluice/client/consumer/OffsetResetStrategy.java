package dev.sluice.client.consumer;

import java.util.Locale;

/** What to do when a partition has no committed offset or the position is out of range: {@code auto.offset.reset}. */
public enum OffsetResetStrategy {
    /** Start after the last record: read only what is written from now on. */
    LATEST,
    /** Start at the oldest record the broker still has. */
    EARLIEST,
    /** Throw {@link dev.sluice.client.errors.InvalidOffsetException} and let the application decide. */
    NONE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a strategy */
    public static OffsetResetStrategy forConfigName(final String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
