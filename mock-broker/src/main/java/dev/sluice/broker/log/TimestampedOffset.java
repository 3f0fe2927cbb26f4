package dev.sluice.broker.log;

/**
 * Answer to a ListOffsets lookup: an offset and the timestamp (ms) that matched it, -1 when the
 * lookup was by position (earliest/latest) rather than by time.
 */
public record TimestampedOffset(long offset, long timestamp) {
    /** No batch has a timestamp at or after the one asked for: Kafka answers offset -1, timestamp -1. */
    public static final TimestampedOffset NOT_FOUND = new TimestampedOffset(-1L, -1L);
}
