package dev.sluice.client.consumer;

/**
 * What a record's timestamp means: set by the producer (create time) or by the broker when it appended
 * the batch (log-append time). The id is the RecordBatch attribute bit (bit 3), -1 for none.
 */
public enum TimestampType {
    NO_TIMESTAMP_TYPE(-1, "NoTimestampType"),
    CREATE_TIME(0, "CreateTime"),
    LOG_APPEND_TIME(1, "LogAppendTime");

    private final int id;
    private final String displayName;

    TimestampType(final int id, final String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    /** The name tools print, e.g. {@code CreateTime}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
