package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker closed and reopened on the same data directory serves what it stored before. */
class MockBrokerRestartTest {
    private static final int RECORDS = 2_000;
    private static final int PARTITIONS = 4;

    @TempDir
    Path dataDir;

    @Test
    void shouldServeDataAfterRestartOnSameDataDir() throws Exception {
        final String clusterId;
        final UUID topicId;
        try (MockBroker broker = MockBroker.builder().dataDir(dataDir).build().start()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("durable", PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            final Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>("durable", i % PARTITIONS, "k" + i, "v" + i));
                }
                producer.flush();
            }
            clusterId = broker.clusterId();
            topicId = broker.logs().topic("durable").orElseThrow().topicId();
        }

        try (MockBroker broker = MockBroker.builder().dataDir(dataDir).build().start()) {
            assertEquals(clusterId, broker.clusterId());
            assertEquals(topicId, broker.logs().topic("durable").orElseThrow().topicId());
            final Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            final List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                final List<TopicPartition> partitions = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    partitions.add(new TopicPartition("durable", p));
                }
                consumer.assign(partitions);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (values.size() < RECORDS && System.nanoTime() < deadline) {
                    for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        assertEquals(Integer.parseInt(record.value().substring(1)) % PARTITIONS, record.partition());
                        assertEquals(record.offset(), Integer.parseInt(record.value().substring(1)) / PARTITIONS);
                        values.add(record.value());
                    }
                }
            }
            assertEquals(RECORDS, values.size());
        }
    }

    @Test
    void shouldKeepHandingOutNewProducerIdsAfterRestart() throws Exception {
        final long first;
        try (MockBroker broker = MockBroker.builder().dataDir(dataDir).build().start()) {
            first = initProducerId(broker);
        }
        try (MockBroker broker = MockBroker.builder().dataDir(dataDir).build().start()) {
            final long second = initProducerId(broker);
            org.junit.jupiter.api.Assertions.assertTrue(second > first, first + " then " + second);
        }
    }

    /** The producer id a fresh idempotent producer gets, read back from the batch it wrote. */
    private static long initProducerId(final MockBroker broker) throws Exception {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("ids", "k", "v")).get(30, TimeUnit.SECONDS);
        }
        final var slice = broker.logs().partition("ids", 0).read(broker.logs().partition("ids", 0).logEndOffset() - 1,
                Integer.MAX_VALUE, true).records();
        try {
            final java.nio.ByteBuffer batch = slice.readAll();
            return batch.getLong(dev.sluice.codec.record.RecordBatch.PRODUCER_ID_OFFSET);
        } finally {
            slice.release();
        }
    }
}
