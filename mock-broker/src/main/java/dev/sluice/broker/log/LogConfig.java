package dev.sluice.broker.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.sluice.codec.record.TimestampType;

/**
 * Per-topic log settings under Kafka's names and with Kafka's defaults. Immutable and thread-safe.
 *
 * <p>Build one from string overrides with {@link #from(Map)}; every key not given keeps its default.
 * A bad value is rejected with an {@link IllegalArgumentException} naming the key, the value and what
 * is allowed; unknown keys are rejected the same way so a typo never passes silently.
 */
public final class LogConfig {
    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_INDEX_BYTES = "segment.index.bytes";
    public static final String INDEX_INTERVAL_BYTES = "index.interval.bytes";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String RETENTION_MS = "retention.ms";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String FLUSH_MESSAGES = "flush.messages";
    public static final String FLUSH_MS = "flush.ms";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String FILE_DELETE_DELAY_MS = "file.delete.delay.ms";

    /** {@value #MESSAGE_TIMESTAMP_TYPE} value: keep the producer's timestamps. */
    public static final String CREATE_TIME = "CreateTime";
    /** {@value #MESSAGE_TIMESTAMP_TYPE} value: stamp each batch with the broker's append time. */
    public static final String LOG_APPEND_TIME = "LogAppendTime";

    /** Kafka's lower bound for segment.bytes (the overhead of one legacy v0 record). */
    public static final int MIN_SEGMENT_BYTES = 14;
    /** Smallest index file that holds at least one 8-byte entry. */
    public static final int MIN_SEGMENT_INDEX_BYTES = 8;

    private static final Map<String, String> DEFAULTS = defaults();

    private final int segmentBytes;
    private final int segmentIndexBytes;
    private final int indexIntervalBytes;
    private final long retentionBytes;
    private final long retentionMs;
    private final int maxMessageBytes;
    private final long flushMessages;
    private final long flushMs;
    private final TimestampType timestampType;
    private final long fileDeleteDelayMs;
    private final Map<String, String> values;

    private LogConfig(final Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.segmentBytes = intAtLeast(SEGMENT_BYTES, MIN_SEGMENT_BYTES);
        this.segmentIndexBytes = intAtLeast(SEGMENT_INDEX_BYTES, MIN_SEGMENT_INDEX_BYTES);
        this.indexIntervalBytes = intAtLeast(INDEX_INTERVAL_BYTES, 0);
        this.retentionBytes = longAtLeast(RETENTION_BYTES, -1);
        this.retentionMs = longAtLeast(RETENTION_MS, -1);
        this.maxMessageBytes = intAtLeast(MAX_MESSAGE_BYTES, 0);
        this.flushMessages = longAtLeast(FLUSH_MESSAGES, 1);
        this.flushMs = longAtLeast(FLUSH_MS, 0);
        this.fileDeleteDelayMs = longAtLeast(FILE_DELETE_DELAY_MS, 0);
        final String type = values.get(MESSAGE_TIMESTAMP_TYPE);
        if (CREATE_TIME.equals(type)) {
            this.timestampType = TimestampType.CREATE_TIME;
        } else if (LOG_APPEND_TIME.equals(type)) {
            this.timestampType = TimestampType.LOG_APPEND_TIME;
        } else {
            throw invalid(MESSAGE_TIMESTAMP_TYPE, type, "one of [" + CREATE_TIME + ", " + LOG_APPEND_TIME + "]");
        }
    }

    /** All defaults: 1 GiB segments, 7 day retention, unlimited retention bytes, CreateTime. */
    public static LogConfig defaultConfig() {
        return new LogConfig(new LinkedHashMap<>(DEFAULTS));
    }

    /** Defaults overridden by {@code overrides} (Kafka key to string value). */
    public static LogConfig from(final Map<String, String> overrides) {
        return defaultConfig().with(overrides);
    }

    /** This config overridden by {@code overrides}; {@code this} is unchanged. */
    public LogConfig with(final Map<String, String> overrides) {
        final Map<String, String> merged = new LinkedHashMap<>(values);
        for (final Map.Entry<String, String> override : overrides.entrySet()) {
            if (!DEFAULTS.containsKey(override.getKey())) {
                throw new IllegalArgumentException("Unknown log config key '" + override.getKey()
                        + "'; allowed keys are " + DEFAULTS.keySet());
            }
            if (override.getValue() == null) {
                throw invalid(override.getKey(), null, "a non-null value");
            }
            merged.put(override.getKey(), override.getValue().trim());
        }
        return new LogConfig(merged);
    }

    /** Keys this class understands. */
    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    /** Every key with its effective value, as strings in Kafka's spelling (for persistence and DescribeConfigs). */
    public Map<String, String> values() {
        return values;
    }

    /** Whether {@code key} holds its default value. */
    public boolean isDefault(final String key) {
        return DEFAULTS.get(key).equals(values.get(key));
    }

    /** Segment size in bytes at which the active segment rolls. */
    public int segmentBytes() {
        return segmentBytes;
    }

    /** Index file capacity in bytes; a segment rolls once its index holds this many bytes of 8-byte entries. */
    public int segmentIndexBytes() {
        return segmentIndexBytes;
    }

    /** Bytes appended between two sparse offset index entries. */
    public int indexIntervalBytes() {
        return indexIntervalBytes;
    }

    /** Partition size in bytes beyond which the oldest segments are deleted; -1 means unlimited. */
    public long retentionBytes() {
        return retentionBytes;
    }

    /** Age in milliseconds after which a segment's data is deleted; -1 means forever. */
    public long retentionMs() {
        return retentionMs;
    }

    /** Largest batch in bytes (whole batch, header included) a producer may append. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Appended batches between forced fsyncs; Long.MAX_VALUE leaves flushing to the OS. */
    public long flushMessages() {
        return flushMessages;
    }

    /** Milliseconds between forced fsyncs; Long.MAX_VALUE leaves flushing to the OS. */
    public long flushMs() {
        return flushMs;
    }

    public TimestampType timestampType() {
        return timestampType;
    }

    /** Milliseconds a segment deleted by retention stays on disk (renamed .deleted) before removal. */
    public long fileDeleteDelayMs() {
        return fileDeleteDelayMs;
    }

    private int intAtLeast(final String key, final int min) {
        final long value = longAtLeast(key, min);
        if (value > Integer.MAX_VALUE) {
            throw invalid(key, values.get(key), "an integer in [" + min + ", " + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }

    private long longAtLeast(final String key, final long min) {
        final String raw = values.get(key);
        final long value;
        try {
            value = Long.parseLong(raw);
        } catch (final NumberFormatException e) {
            throw invalid(key, raw, "an integer >= " + min);
        }
        if (value < min) {
            throw invalid(key, raw, "an integer >= " + min);
        }
        return value;
    }

    private static IllegalArgumentException invalid(final String key, final String value, final String allowed) {
        return new IllegalArgumentException("Invalid value '" + value + "' for log config '" + key
                + "': must be " + allowed);
    }

    private static Map<String, String> defaults() {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(SEGMENT_BYTES, Integer.toString(1024 * 1024 * 1024));
        defaults.put(SEGMENT_INDEX_BYTES, Integer.toString(10 * 1024 * 1024));
        defaults.put(INDEX_INTERVAL_BYTES, "4096");
        defaults.put(RETENTION_BYTES, "-1");
        defaults.put(RETENTION_MS, Long.toString(7L * 24 * 60 * 60 * 1000));
        defaults.put(MAX_MESSAGE_BYTES, "1048588");
        defaults.put(FLUSH_MESSAGES, Long.toString(Long.MAX_VALUE));
        defaults.put(FLUSH_MS, Long.toString(Long.MAX_VALUE));
        defaults.put(MESSAGE_TIMESTAMP_TYPE, CREATE_TIME);
        defaults.put(FILE_DELETE_DELAY_MS, "60000");
        return Collections.unmodifiableMap(defaults);
    }
}
