package dev.sluice.client.impl;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.errors.RecordTooLargeException;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.ByteArraySerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sluice producer against the Sluice broker (embedded), read back by kafka-clients'
 * KafkaConsumer: every codec, byte-equal, in order per partition, on Kafka's partitions.
 */
class SluiceProducerMockBrokerTest {
    private static final int RECORDS = Integer.getInteger("sluice.records", 20_000);
    private static final int PARTITIONS = 4;

    private static MockBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MockBroker.builder().port(0).config("num.partitions", String.valueOf(PARTITIONS)).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldWriteRecordsKafkaConsumerReadsBackFromTheSluiceBroker(final String compression) throws Exception {
        final String topic = "sluice-roundtrip-" + compression;
        final Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("compression.type", compression);
        props.put("linger.ms", "5");
        final Random random = new Random(compression.hashCode());
        final List<byte[]> keys = new ArrayList<>();
        final List<byte[]> values = new ArrayList<>();
        final List<Future<RecordMetadata>> futures = new ArrayList<>();
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                final byte[] key = ("key-" + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
                final byte[] value = new byte[random.nextInt(200)];
                for (int b = 0; b < value.length; b++) {
                    value[b] = b % 2 == 0 ? (byte) random.nextInt() : (byte) (i & 0x7f);
                }
                keys.add(key);
                values.add(value);
                futures.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
        }
        final Map<Integer, List<Integer>> expected = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            final RecordMetadata md = futures.get(i).get(1, TimeUnit.MINUTES);
            assertEquals(BuiltInPartitioner.partitionForKey(keys.get(i), PARTITIONS), md.partition());
            expected.computeIfAbsent(md.partition(), p -> new ArrayList<>()).add(i);
        }
        final Map<Integer, List<ConsumerRecord<byte[], byte[]>>> actual =
            PartitionReader.readAll(broker.bootstrapServers(), topic, RECORDS);
        for (final Map.Entry<Integer, List<Integer>> e : expected.entrySet()) {
            final List<ConsumerRecord<byte[], byte[]>> got = actual.getOrDefault(e.getKey(), List.of());
            assertEquals(e.getValue().size(), got.size(), "records in partition " + e.getKey());
            for (int j = 0; j < got.size(); j++) {
                final int i = e.getValue().get(j);
                assertArrayEquals(keys.get(i), got.get(j).key(), "key of record " + i);
                assertArrayEquals(values.get(i), got.get(j).value(), "value of record " + i);
                assertEquals(futures.get(i).get().offset(), got.get(j).offset(), "offset of record " + i);
            }
        }
    }

    @Test
    void shouldCompleteAcksZeroSendsWithoutOffsetsAndStillDeliver() throws Exception {
        final String topic = "acks-zero";
        final Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("acks", "0");
        final List<Future<RecordMetadata>> futures = new ArrayList<>();
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (int i = 0; i < 1000; i++) {
                futures.add(producer.send(new ProducerRecord<>(topic, ("v" + i).getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
        }
        for (final Future<RecordMetadata> f : futures) {
            assertFalse(f.get(1, TimeUnit.MINUTES).hasOffset(), "acks=0: the broker never says where it wrote");
        }
        final int total = PartitionReader.readAll(broker.bootstrapServers(), topic, 1000).values().stream()
            .mapToInt(List::size).sum();
        assertEquals(1000, total);
    }

    @Test
    void shouldFailRecordLargerThanMaxRequestSizeThroughItsCallback() throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("max.request.size", "1000");
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            final CompletableFuture<Exception> reported = new CompletableFuture<>();
            final Future<RecordMetadata> f = producer.send(new ProducerRecord<>("too-large", new byte[5000]),
                (md, e) -> reported.complete(e));
            final ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.MINUTES));
            assertInstanceOf(RecordTooLargeException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("max.request.size"), e.getCause().getMessage());
            assertInstanceOf(RecordTooLargeException.class, reported.get(1, TimeUnit.MINUTES));
            // A record that fits still goes through.
            assertTrue(producer.send(new ProducerRecord<>("too-large", new byte[10])).get(1, TimeUnit.MINUTES).hasOffset());
        }
    }
}
