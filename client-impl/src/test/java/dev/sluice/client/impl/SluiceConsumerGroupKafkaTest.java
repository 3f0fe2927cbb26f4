package dev.sluice.client.impl;

import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.WithApacheKafka;
import org.junit.jupiter.api.BeforeEach;

/** Group membership coordinated by a real Apache Kafka 4.1 broker. */
@WithApacheKafka
class SluiceConsumerGroupKafkaTest extends AbstractConsumerGroupTest {
    private ApacheKafkaBroker kafka;

    @BeforeEach
    void bind(final ApacheKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
