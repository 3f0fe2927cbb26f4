package dev.sluice.client.impl;

import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.StringSerializer;
import dev.sluice.testkit.ApacheKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker stops in the middle of a stream and comes back: every acknowledged record must be in
 * the log exactly once, and every record that was not acknowledged must have been reported failed.
 */
class SluiceProducerBrokerRestartTest {
    private static final String TOPIC = "restart";
    private static final int RECORDS = 20_000;

    private static ApacheKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = ApacheKafkaBroker.builder().config("num.partitions", "3").start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedRecordExactlyOnceAcrossABrokerRestart() throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("linger.ms", "2");
        props.put("request.timeout.ms", "5000");
        props.put("delivery.timeout.ms", "120000");
        props.put("retry.backoff.ms", "50");
        props.put("reconnect.backoff.max.ms", "500");
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> failed = ConcurrentHashMap.newKeySet();
        final AtomicInteger completed = new AtomicInteger();
        final Map<String, Integer> failureKinds = new ConcurrentHashMap<>();
        try (SluiceProducer<String, String> producer = new SluiceProducer<>(props, new StringSerializer(),
            new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                final String id = "record-" + i;
                producer.send(new ProducerRecord<>(TOPIC, id, id), (metadata, exception) -> {
                    (exception == null ? acknowledged : failed).add(id);
                    if (exception != null) {
                        failureKinds.merge(exception.toString(), 1, Integer::sum);
                    }
                    completed.incrementAndGet();
                });
                if (i == RECORDS / 4) {
                    producer.flush();
                    kafka.stop(); // graceful: the producer sees its connections close mid-stream
                } else if (i == RECORDS / 2) {
                    kafka.start();
                }
                if (i % 1000 == 0) {
                    Thread.sleep(20); // spread the stream over the restart
                }
            }
            producer.flush();
        }
        assertEquals(RECORDS, completed.get(), "every record is reported, acknowledged or failed");
        assertEquals(RECORDS, acknowledged.size() + failed.size());
        // The outage is far shorter than delivery.timeout.ms: retries must carry every record through.
        assertEquals(Map.of(), failureKinds, "no record may fail across a short restart");

        final Map<String, Integer> copies = new HashMap<>();
        for (final ConsumerRecord<String, String> r : consumeAll()) {
            copies.merge(r.value(), 1, Integer::sum);
        }
        for (final String id : acknowledged) {
            assertEquals(1, copies.getOrDefault(id, 0), id + " was acknowledged: it must be there exactly once");
        }
        for (final Map.Entry<String, Integer> e : copies.entrySet()) {
            assertEquals(1, e.getValue(), e.getKey() + " must not be duplicated");
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll() {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("enable.auto.commit", "false");
        props.put("max.poll.records", "5000");
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new StringDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC).forEach(p -> partitions.add(new TopicPartition(TOPIC, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline && !reachedEnd(consumer, end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private static boolean reachedEnd(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        for (final Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
