package dev.sluice.client.impl;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads a whole topic back with kafka-clients' KafkaConsumer (assigned every partition, from the
 * beginning, no group), for producer tests that check what a broker stored.
 */
final class PartitionReader {
    private PartitionReader() {
    }

    /**
     * Polls until {@code expected} records arrived or two minutes passed, then once more, so that
     * records beyond those expected (duplicates) show up too.
     *
     * @return records per partition, in offset order
     */
    static Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(final String bootstrapServers,
                                                                      final String topic, final int expected) {
        final Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.put("max.poll.records", "5000");
        final Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int count = 0;
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (count < expected && System.nanoTime() < deadline) {
                count += pollInto(consumer, out);
            }
            pollInto(consumer, out);
        }
        return out;
    }

    private static int pollInto(final KafkaConsumer<byte[], byte[]> consumer,
                                final Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out) {
        int count = 0;
        for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
            out.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
            count++;
        }
        return count;
    }
}
