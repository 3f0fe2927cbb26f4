package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts one broker for the class, with the given settings, and injects it. */
class MockBrokerExtensionTest {
    @RegisterExtension
    static final MockBrokerExtension EXTENSION = new MockBrokerExtension().config("num.partitions", "5");

    private static MockBroker first;

    @Test
    void shouldInjectARunningBrokerWithTheGivenSettings(final MockBroker broker) throws Exception {
        final Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            // A producer's metadata request for an unknown topic auto-creates it with num.partitions.
            assertEquals(5, producer.partitionsFor("auto").size());
        }
    }

    @Test
    void shouldInjectTheSameBrokerIntoEveryTestOfTheClass(final MockBroker broker) {
        synchronized (MockBrokerExtensionTest.class) {
            if (first == null) {
                first = broker;
            }
            assertSame(first, broker);
        }
    }
}
