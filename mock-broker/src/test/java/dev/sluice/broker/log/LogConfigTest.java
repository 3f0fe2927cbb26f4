package dev.sluice.broker.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.sluice.codec.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogConfigTest {
    @Test
    void shouldUseKafkasDefaults() {
        final LogConfig config = LogConfig.defaultConfig();
        assertEquals(1024 * 1024 * 1024, config.segmentBytes());
        assertEquals(10 * 1024 * 1024, config.segmentIndexBytes());
        assertEquals(4096, config.indexIntervalBytes());
        assertEquals(-1L, config.retentionBytes());
        assertEquals(604_800_000L, config.retentionMs());
        assertEquals(1_048_588, config.maxMessageBytes());
        assertEquals(Long.MAX_VALUE, config.flushMessages());
        assertEquals(Long.MAX_VALUE, config.flushMs());
        assertEquals(TimestampType.CREATE_TIME, config.timestampType());
        assertEquals(60_000L, config.fileDeleteDelayMs());
        assertTrue(config.isDefault(LogConfig.SEGMENT_BYTES));
    }

    @Test
    void shouldApplyOverridesOnTopOfDefaults() {
        final LogConfig config = LogConfig.from(Map.of(LogConfig.SEGMENT_BYTES, " 1048576 ",
                LogConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime", LogConfig.RETENTION_MS, "-1"));
        assertEquals(1_048_576, config.segmentBytes());
        assertEquals(TimestampType.LOG_APPEND_TIME, config.timestampType());
        assertEquals(-1L, config.retentionMs());
        assertEquals(4096, config.indexIntervalBytes());
        assertEquals("1048576", config.values().get(LogConfig.SEGMENT_BYTES));
    }

    @ParameterizedTest
    @CsvSource({
        "segment.bytes, 13",
        "segment.bytes, 2147483648",
        "segment.bytes, big",
        "segment.index.bytes, 4",
        "index.interval.bytes, -1",
        "retention.bytes, -2",
        "retention.ms, -5",
        "max.message.bytes, -1",
        "flush.messages, 0",
        "flush.ms, -1",
        "message.timestamp.type, WallClock",
        "file.delete.delay.ms, -1",
    })
    void shouldRejectBadValuesNamingKeyAndValue(final String key, final String value) {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogConfig.from(Map.of(key, value)));
        assertTrue(error.getMessage().contains("'" + key + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(value), error.getMessage());
        assertTrue(error.getMessage().contains("must be"), error.getMessage());
    }

    @Test
    void shouldRejectUnknownKeys() {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogConfig.from(Map.of("segment.byte", "100")));
        assertTrue(error.getMessage().contains("segment.byte"));
    }
}
