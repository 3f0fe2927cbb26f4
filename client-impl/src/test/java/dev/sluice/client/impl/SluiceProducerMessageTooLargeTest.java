package dev.sluice.client.impl;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.errors.RecordTooLargeException;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.ByteArraySerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against a Sluice broker whose {@code message.max.bytes} (4 KiB) is far below the producer's
 * {@code batch.size} (16 KiB): every full batch is rejected with MESSAGE_TOO_LARGE, and the
 * producer must split and resend it with per-partition order, offsets and idempotent sequences
 * intact (the broker checks sequences, so a gap or a duplicate would fail or lose records).
 */
class SluiceProducerMessageTooLargeTest {
    private static final int MAX_MESSAGE_BYTES = 4096;
    private static final int PARTITIONS = 2;
    private static final int RECORDS = 3000;

    private static MockBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MockBroker.builder().port(0).config("num.partitions", String.valueOf(PARTITIONS))
            .config("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES)).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static Properties producerProps(final String compression) {
        final Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("compression.type", compression);
        props.put("batch.size", "16384");
        props.put("linger.ms", "20");
        return props;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "lz4", "zstd"})
    void shouldSplitBatchesTheBrokerFindsTooLargeAndKeepOrderPerPartition(final String compression) throws Exception {
        final String topic = "split-" + compression;
        final Random random = new Random(compression.hashCode());
        final List<byte[]> values = new ArrayList<>();
        final List<Future<RecordMetadata>> futures = new ArrayList<>();
        final Map<Integer, List<Long>> callbackOffsets = new HashMap<>();
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(producerProps(compression),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                // Random letters: zstd shrinks them to about 60%, lz4 hardly at all, so 16 KiB
                // batches stay over 4 KiB with every codec.
                final byte[] value = new byte[100 + random.nextInt(150)];
                for (int b = 0; b < value.length; b++) {
                    value[b] = (byte) ('a' + random.nextInt(26));
                }
                values.add(value);
                final int partition = i % PARTITIONS;
                futures.add(producer.send(new ProducerRecord<>(topic, partition, null, value), (md, error) -> {
                    synchronized (callbackOffsets) {
                        callbackOffsets.computeIfAbsent(partition, p -> new ArrayList<>())
                            .add(error == null ? md.offset() : -1L);
                    }
                }));
            }
            producer.flush();
        }
        final long[] nextOffset = new long[PARTITIONS];
        for (int i = 0; i < RECORDS; i++) {
            final RecordMetadata md = futures.get(i).get(1, TimeUnit.MINUTES);
            assertEquals(i % PARTITIONS, md.partition());
            assertEquals(nextOffset[md.partition()]++, md.offset(), "record " + i + ": offsets follow send order");
        }
        for (int p = 0; p < PARTITIONS; p++) {
            final List<Long> offsets = callbackOffsets.get(p);
            assertEquals(RECORDS / PARTITIONS, offsets.size());
            for (int j = 0; j < offsets.size(); j++) {
                assertEquals(j, offsets.get(j), "callbacks of partition " + p + " run in record order");
            }
        }
        final Map<Integer, List<ConsumerRecord<byte[], byte[]>>> read =
            PartitionReader.readAll(broker.bootstrapServers(), topic, RECORDS);
        for (int p = 0; p < PARTITIONS; p++) {
            final List<ConsumerRecord<byte[], byte[]>> got = read.getOrDefault(p, List.of());
            assertEquals(RECORDS / PARTITIONS, got.size(), "records in partition " + p + ", none lost or doubled");
            for (int j = 0; j < got.size(); j++) {
                assertArrayEquals(values.get(j * PARTITIONS + p), got.get(j).value(), "record " + j + " of " + p);
            }
        }
    }

    @Test
    void shouldFailARecordTooLargeForTheBrokerOnItsOwnAndCarryOn() throws Exception {
        final String topic = "split-single";
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(producerProps("none"),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            final Future<RecordMetadata> before = producer.send(new ProducerRecord<>(topic, 0, null, new byte[10]));
            producer.flush();
            final Future<RecordMetadata> huge = producer.send(new ProducerRecord<>(topic, 0, null, new byte[6000]));
            producer.flush();
            final Future<RecordMetadata> after = producer.send(new ProducerRecord<>(topic, 0, null, new byte[10]));
            producer.flush();
            assertEquals(0, before.get(1, TimeUnit.MINUTES).offset());
            final ExecutionException e = assertThrows(ExecutionException.class, () -> huge.get(1, TimeUnit.MINUTES));
            assertInstanceOf(RecordTooLargeException.class, e.getCause());
            assertEquals(1, after.get(1, TimeUnit.MINUTES).offset(), "the next record is written right after");
        }
        assertEquals(2, PartitionReader.readAll(broker.bootstrapServers(), topic, 2).getOrDefault(0, List.of()).size(),
            "the records on both sides of the failed one, and nothing else");
    }
}
