package dev.sluice.client.config;

import dev.sluice.client.consumer.AssignmentStrategy;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.consumer.IsolationLevel;
import dev.sluice.client.consumer.OffsetResetStrategy;
import dev.sluice.client.producer.CompressionType;
import dev.sluice.client.producer.ProducerConfig;
import dev.sluice.client.serialization.ByteArraySerializer;
import dev.sluice.client.serialization.LongDeserializer;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.client.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties files written for kafka-clients load unchanged; keys we do not implement are only reported. */
class KafkaPropertiesFileTest {
    private static Properties load(final String resource) throws IOException {
        final Properties properties = new Properties();
        try (InputStream in = KafkaPropertiesFileTest.class.getResourceAsStream("/" + resource)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void shouldLoadKafkaClientsProducerProperties() throws IOException {
        final ProducerConfig config = new ProducerConfig(load("kafka-clients-producer.properties"));
        assertInstanceOf(StringSerializer.class, config.newKeySerializer());
        assertInstanceOf(ByteArraySerializer.class, config.newValueSerializer());
        assertEquals(CompressionType.LZ4, config.compressionType());
        assertEquals(20L, config.longValue(ProducerConfig.LINGER_MS_CONFIG));
        assertTrue(config.idempotenceEnabled());
        assertEquals(List.of("broker-1", "broker-2"), config.bootstrapServers().stream().map(HostPort::host).toList());
        assertEquals(Set.of("security.protocol", "interceptor.classes"), config.unknownKeys());
    }

    @Test
    void shouldLoadKafkaClientsConsumerProperties() throws IOException {
        final ConsumerConfig config = new ConsumerConfig(load("kafka-clients-consumer.properties"));
        assertInstanceOf(LongDeserializer.class, config.newKeyDeserializer());
        assertInstanceOf(StringDeserializer.class, config.newValueDeserializer());
        assertEquals(OffsetResetStrategy.EARLIEST, config.offsetResetStrategy());
        assertEquals(IsolationLevel.READ_COMMITTED, config.isolationLevel());
        assertEquals(List.of(AssignmentStrategy.COOPERATIVE_STICKY), config.assignmentStrategies());
        assertFalse(config.autoCommitEnabled());
        assertEquals("billing", config.groupId());
        assertEquals(Set.of("group.protocol"), config.unknownKeys());
    }
}
