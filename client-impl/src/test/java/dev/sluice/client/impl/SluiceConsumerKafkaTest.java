package dev.sluice.client.impl;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.WithApacheKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The round trip against a real Apache Kafka 4.1 broker, plus what needs Kafka's transactions. */
@WithApacheKafka
class SluiceConsumerKafkaTest extends AbstractConsumerRoundTripTest {
    private ApacheKafkaBroker kafka;

    @BeforeEach
    void bind(final ApacheKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Override
    protected String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Test
    void shouldSkipTransactionMarkersAndMovePastThem() throws Exception {
        final String topic = "control-batches";
        createTopic(topic, 1);
        final TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer("none", Map.of("transactional.id", "tx-skip"))) {
            producer.initTransactions();
            for (int t = 0; t < 3; t++) {
                producer.beginTransaction();
                for (int i = 0; i < 4; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, null, ("t" + t + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
                producer.commitTransaction();
            }
        }
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of())) {
            consumer.assign(List.of(tp));
            final List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, 12, r -> { });
            assertEquals(12, records.size());
            for (final ConsumerRecord<byte[], byte[]> r : records) {
                assertTrue(new String(r.value(), StandardCharsets.UTF_8).startsWith("t"));
                assertNull(r.key());
            }
            // 12 records and 3 commit markers: the position moves past the last marker.
            final long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
            while (consumer.position(tp) < 15 && System.currentTimeMillis() < deadline) {
                assertTrue(consumer.poll(POLL).isEmpty());
            }
            assertEquals(15, consumer.position(tp));
        }
    }
}
