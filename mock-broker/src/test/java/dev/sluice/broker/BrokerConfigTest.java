package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {
    @Test
    void shouldUseKafkaDefaults() {
        final BrokerConfig config = BrokerConfig.from(Map.of());
        assertTrue(config.autoCreateTopics());
        assertEquals(1, config.numPartitions());
        assertEquals(104_857_600, config.socketRequestMaxBytes());
    }

    @Test
    void shouldAcceptTopicDefaultsUnderBrokerAndTopicNames() {
        final BrokerConfig config = BrokerConfig.from(Map.of("log.segment.bytes", "1048576", "retention.ms", "60000",
                "auto.create.topics.enable", "false"));
        assertEquals(1_048_576, config.logDefaults().segmentBytes());
        assertEquals(60_000L, config.logDefaults().retentionMs());
        assertFalse(config.autoCreateTopics());
        assertEquals("1048576", config.values().get("log.segment.bytes"));
    }

    @Test
    void shouldTakeTheSocketSendBufferInBytesOrMinusOneForTheOsDefault() {
        assertEquals(-1, BrokerConfig.from(Map.of()).socketSendBufferBytes());
        assertEquals(102_400, BrokerConfig.from(Map.of("socket.send.buffer.bytes", "102400")).socketSendBufferBytes());
        assertEquals(1_048_576, BrokerConfig.from(Map.of("socket.send.buffer.bytes", "1048576")).socketSendBufferBytes());
        assertEquals("-1", BrokerConfig.from(Map.of()).values().get("socket.send.buffer.bytes"));
    }

    @Test
    void shouldRejectASocketSendBufferOfZeroOrBelowMinusOneNamingTheKey() {
        for (final String bad : new String[] {"0", "-2", "big"}) {
            final String message = assertThrows(IllegalArgumentException.class,
                    () -> BrokerConfig.from(Map.of("socket.send.buffer.bytes", bad))).getMessage();
            assertTrue(message.contains("socket.send.buffer.bytes"), message);
        }
    }

    @Test
    void shouldRejectBadValuesNamingTheKey() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BrokerConfig.from(Map.of("num.partitions", "0"))).getMessage().contains("num.partitions"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BrokerConfig.from(Map.of("auto.create.topics.enable", "yes"))).getMessage()
                .contains("auto.create.topics.enable"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BrokerConfig.from(Map.of("log.segment.bytes", "-1"))).getMessage().contains("segment.bytes"));
    }
}
