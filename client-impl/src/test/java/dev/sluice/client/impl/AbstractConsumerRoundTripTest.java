package dev.sluice.client.impl;

import dev.sluice.client.Header;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.ConsumerRecords;
import dev.sluice.client.errors.NoOffsetForPartitionException;
import dev.sluice.client.errors.OffsetOutOfRangeException;
import dev.sluice.client.errors.WakeupException;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sluice consumer with manual assignment, reading what kafka-clients' KafkaProducer wrote; run
 * against each broker by a subclass.
 */
abstract class AbstractConsumerRoundTripTest {
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 3_000;
    protected static final Duration POLL = Duration.ofMillis(200);
    protected static final long READ_TIMEOUT_MS = 60_000;

    /** host:port of the broker under test. */
    protected abstract String bootstrapServers();

    protected void createTopic(final String topic, final int partitions) throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
            awaitLeaders(admin, topic, partitions);
        }
    }

    /**
     * Waits until every partition's leader answers ListOffsets: a produce sent before that gets
     * NOT_LEADER_OR_FOLLOWER, which can wedge an idempotent producer's sequence numbers.
     */
    static void awaitLeaders(final Admin admin, final String topic, final int partitions) throws Exception {
        final Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            specs.put(new org.apache.kafka.common.TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        final long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
        while (true) {
            try {
                admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (final java.util.concurrent.ExecutionException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    protected KafkaProducer<byte[], byte[]> kafkaProducer(final String compression, final Map<String, Object> extra) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("compression.type", compression);
        props.put("linger.ms", 5);
        props.putAll(extra);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    protected SluiceConsumer<byte[], byte[]> consumer(final Map<String, Object> extra) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("auto.offset.reset", "earliest");
        props.putAll(extra);
        return new SluiceConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(final String topic, final int count) {
        final List<TopicPartition> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            out.add(new TopicPartition(topic, p));
        }
        return out;
    }

    /** Polls until {@code expected} records arrived, checking every poll against {@code eachPoll}. */
    protected static List<ConsumerRecord<byte[], byte[]>> readAll(final SluiceConsumer<byte[], byte[]> consumer,
                                                               final int expected,
                                                               final Consumer<ConsumerRecords<byte[], byte[]>> eachPoll) {
        final List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        final long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
        while (out.size() < expected && System.currentTimeMillis() < deadline) {
            final ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            eachPoll.accept(records);
            records.forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldReadWhatKafkaProducerWroteByteEqualInOrderPerPartition(final String compression) throws Exception {
        final String topic = "consume-" + compression;
        createTopic(topic, PARTITIONS);
        final Random random = new Random(compression.hashCode());
        final List<List<ProducerRecord<byte[], byte[]>>> sent = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            sent.add(new ArrayList<>());
        }
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer(compression, Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                final int partition = i % PARTITIONS;
                final byte[] key = i % 7 == 0 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
                final byte[] value = i % 11 == 0 ? null : new byte[random.nextInt(200)];
                if (value != null) {
                    random.nextBytes(value);
                }
                final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, 1_000_000L + i, key,
                    value);
                if (i % 5 == 0) {
                    record.headers().add("h" + i, ("v" + i).getBytes(StandardCharsets.UTF_8));
                }
                sent.get(partition).add(record);
                producer.send(record);
            }
            producer.flush();
        }
        final int maxPollRecords = 250;
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("max.poll.records", maxPollRecords))) {
            consumer.assign(partitions(topic, PARTITIONS));
            final List<ConsumerRecord<byte[], byte[]>> received = readAll(consumer, RECORDS,
                records -> assertTrue(records.count() <= maxPollRecords, "poll returned " + records.count()));
            assertEquals(RECORDS, received.size());
            final int[] next = new int[PARTITIONS];
            for (final ConsumerRecord<byte[], byte[]> r : received) {
                final int p = r.partition();
                final ProducerRecord<byte[], byte[]> expected = sent.get(p).get(next[p]);
                assertEquals(next[p], r.offset(), "offset in partition " + p);
                assertArrayEquals(expected.key(), r.key());
                assertArrayEquals(expected.value(), r.value());
                assertEquals(expected.timestamp(), r.timestamp());
                final org.apache.kafka.common.header.Header[] expectedHeaders = expected.headers().toArray();
                final Header[] headers = r.headers().toArray();
                assertEquals(expectedHeaders.length, headers.length);
                for (int h = 0; h < headers.length; h++) {
                    assertEquals(expectedHeaders[h].key(), headers[h].key());
                    assertArrayEquals(expectedHeaders[h].value(), headers[h].value());
                }
                next[p]++;
            }
            for (int p = 0; p < PARTITIONS; p++) {
                assertEquals(sent.get(p).size(), consumer.position(new TopicPartition(topic, p)));
            }
        }
    }

    private void produce(final String topic, final int partition, final int from, final int count) {
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer("none", Map.of())) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    @Test
    void shouldStartAtTheEndWithLatestResetAndReadOnlyNewRecords() throws Exception {
        final String topic = "latest-reset";
        createTopic(topic, 1);
        produce(topic, 0, 0, 10);
        final TopicPartition tp = new TopicPartition(topic, 0);
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("auto.offset.reset", "latest"))) {
            consumer.assign(List.of(tp));
            assertEquals(10, consumer.position(tp));
            produce(topic, 0, 10, 5);
            final List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, 5, r -> { });
            assertEquals(5, records.size());
            assertEquals(10, records.get(0).offset());
            assertEquals("v10", new String(records.get(0).value(), StandardCharsets.UTF_8));
            consumer.seekToBeginning(List.of(tp));
            assertEquals(0, consumer.position(tp));
            consumer.seekToEnd(List.of(tp));
            assertEquals(15, consumer.position(tp));
        }
    }

    @Test
    void shouldThrowNoOffsetForPartitionWhenResetIsNone() throws Exception {
        final String topic = "no-reset";
        createTopic(topic, 1);
        final TopicPartition tp = new TopicPartition(topic, 0);
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("auto.offset.reset", "none"))) {
            consumer.assign(List.of(tp));
            final NoOffsetForPartitionException e = assertThrows(NoOffsetForPartitionException.class,
                () -> consumer.poll(POLL));
            assertEquals(java.util.Set.of(tp), e.partitions());
        }
    }

    @Test
    void shouldResetAnOutOfRangePositionPerAutoOffsetReset() throws Exception {
        final String topic = "out-of-range";
        createTopic(topic, 1);
        produce(topic, 0, 0, 20);
        final TopicPartition tp = new TopicPartition(topic, 0);
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("auto.offset.reset", "earliest"))) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, 1_000);
            final List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, 20, r -> { });
            assertEquals(20, records.size());
            assertEquals(0, records.get(0).offset());
        }
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("auto.offset.reset", "none"))) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, 1_000);
            final OffsetOutOfRangeException e = assertThrows(OffsetOutOfRangeException.class, () -> {
                final long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
                while (System.currentTimeMillis() < deadline) {
                    consumer.poll(POLL);
                }
            });
            assertEquals(Map.of(tp, 1_000L), e.offsetOutOfRangePartitions());
        }
    }

    @Test
    void shouldReturnNothingFromPausedPartitionsUntilResumed() throws Exception {
        final String topic = "pause-resume";
        createTopic(topic, 2);
        produce(topic, 0, 0, 50);
        produce(topic, 1, 0, 50);
        final TopicPartition p0 = new TopicPartition(topic, 0);
        final TopicPartition p1 = new TopicPartition(topic, 1);
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of())) {
            consumer.assign(List.of(p0, p1));
            consumer.pause(List.of(p1));
            assertEquals(java.util.Set.of(p1), consumer.paused());
            final List<ConsumerRecord<byte[], byte[]>> first = readAll(consumer, 50, r -> { });
            assertEquals(50, first.size());
            assertTrue(first.stream().allMatch(r -> r.partition() == 0));
            assertTrue(consumer.poll(Duration.ofMillis(300)).isEmpty());
            consumer.resume(List.of(p1));
            final List<ConsumerRecord<byte[], byte[]>> second = readAll(consumer, 50, r -> { });
            assertEquals(50, second.size());
            assertTrue(second.stream().allMatch(r -> r.partition() == 1));
        }
    }

    @Test
    void shouldFetchAheadWhileBufferedRecordsAreStillBeingHandedOut() throws Exception {
        final String topic = "fetch-ahead";
        createTopic(topic, 1);
        produce(topic, 0, 0, 50);
        final TopicPartition tp = new TopicPartition(topic, 0);
        // One record per poll, so the first response's 50 records stay buffered for many polls; a long
        // fetch.max.wait.ms so the fetch ahead, sent before records 50-99 exist, waits for them.
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("max.poll.records", 1,
            "fetch.max.wait.ms", 10_000))) {
            consumer.assign(List.of(tp));
            final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>(readAll(consumer, 1, r -> { }));
            final double firstResponseBytes = metric(consumer, "bytes-consumed-total");
            produce(topic, 0, 50, 50);
            // Paused, nothing more is handed out: 49 records of the first response stay buffered, and only
            // a fetch sent ahead of them can bring in more bytes.
            consumer.pause(List.of(tp));
            final long deadline = System.currentTimeMillis() + READ_TIMEOUT_MS;
            while (metric(consumer, "bytes-consumed-total") == firstResponseBytes
                && System.currentTimeMillis() < deadline) {
                assertTrue(consumer.poll(POLL).isEmpty());
            }
            assertTrue(metric(consumer, "bytes-consumed-total") > firstResponseBytes,
                "records 50-99 were fetched while 1-49 were still buffered");
            consumer.resume(List.of(tp));
            read.addAll(readAll(consumer, 99, r -> assertTrue(r.count() <= 1)));
            assertEquals(100, read.size());
            for (int i = 0; i < 100; i++) {
                assertEquals(i, read.get(i).offset(), "offsets in order, none skipped or repeated");
                assertArrayEquals(("v" + i).getBytes(StandardCharsets.UTF_8), read.get(i).value());
            }
        }
    }

    @Test
    void shouldReadLargeResponsesByteEqualWhileSeekingBackAcrossReusedBuffers() throws Exception {
        final String topic = "reused-response-buffers";
        final int partitions = 3;
        final int perPartition = 400;
        createTopic(topic, partitions);
        // 4 KiB of random bytes per record: every fetch response is megabytes, so it is read into a
        // pooled buffer, and a buffer handed back too early would show up as wrong bytes or a bad CRC.
        final Random random = new Random(42);
        final byte[][][] values = new byte[partitions][perPartition][];
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer("none", Map.of())) {
            for (int i = 0; i < perPartition; i++) {
                for (int p = 0; p < partitions; p++) {
                    values[p][i] = new byte[4096];
                    random.nextBytes(values[p][i]);
                    producer.send(new ProducerRecord<>(topic, p, null, values[p][i]));
                }
            }
            producer.flush();
        }
        final TopicPartition rewound = new TopicPartition(topic, 0);
        final int rewindTo = 10;
        // Few records per poll, so the next response is read in while most of the last one is still to be
        // handed out: that is when reusing its buffer too early would overwrite records not yet read.
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("max.poll.records", 3))) {
            consumer.assign(partitions(topic, partitions));
            final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>(readAll(consumer, 300, r -> { }));
            // Dropping partition 0's buffered responses must not free a buffer partitions 1 and 2 still read.
            consumer.seek(rewound, rewindTo);
            final long beforeSeek = read.stream().filter(r -> r.partition() == 0).count();
            read.addAll(readAll(consumer, partitions * perPartition - read.size() + (int) beforeSeek - rewindTo,
                r -> { }));
            final Map<Integer, List<Long>> offsets = new HashMap<>();
            for (final ConsumerRecord<byte[], byte[]> r : read) {
                assertArrayEquals(values[r.partition()][(int) r.offset()], r.value(),
                    "value of partition " + r.partition() + " offset " + r.offset());
                offsets.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.offset());
            }
            for (int p = 1; p < partitions; p++) {
                assertEquals(LongStream.range(0, perPartition).boxed().toList(), offsets.get(p), "partition " + p);
            }
            final List<Long> afterSeek = offsets.get(0).subList((int) beforeSeek, offsets.get(0).size());
            assertEquals(LongStream.range(rewindTo, perPartition).boxed().toList(), afterSeek,
                "partition 0 again from the seek offset");
        }
    }

    @Test
    void shouldNotLetALongPollOfACaughtUpPartitionStallAPartitionWithRecordsLeft() throws Exception {
        final String topic = "caught-up-long-poll";
        createTopic(topic, 2);
        produce(topic, 0, 0, 5);
        // One batch per record and a tiny max.partition.fetch.bytes: partition 1 takes many fetches.
        final int behind = 40;
        try (KafkaProducer<byte[], byte[]> producer = kafkaProducer("none", Map.of())) {
            for (int i = 0; i < behind; i++) {
                producer.send(new ProducerRecord<>(topic, 1, null, ("w" + i).getBytes(StandardCharsets.UTF_8)));
                producer.flush();
            }
        }
        // Partition 0 is caught up after its first response. A fetch of it alone would be parked by the
        // broker for the whole fetch.max.wait.ms, longer than a poll, while partition 1 runs dry.
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("max.poll.records", 1,
            "max.partition.fetch.bytes", 200, "fetch.max.wait.ms", 30_000))) {
            consumer.assign(partitions(topic, 2));
            final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            while (read.size() < 5 + behind) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(10));
                assertFalse(records.isEmpty(), "a poll came back empty with " + (5 + behind - read.size())
                    + " records left to read");
                records.forEach(read::add);
            }
            final List<Long> partitionOne = read.stream().filter(r -> r.partition() == 1)
                .map(ConsumerRecord::offset).toList();
            assertEquals(LongStream.range(0, behind).boxed().toList(), partitionOne, "partition 1 in order, complete");
        }
    }

    @Test
    void shouldThrowWakeupExceptionFromABlockedPoll() throws Exception {
        final String topic = "wakeup";
        createTopic(topic, 1);
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            final CompletableFuture<Void> waker = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(500);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                consumer.wakeup();
            });
            assertThrows(WakeupException.class, () -> consumer.poll(Duration.ofSeconds(60)));
            waker.get(10, TimeUnit.SECONDS);
            // The wakeup is consumed: the next poll returns normally.
            assertTrue(consumer.poll(Duration.ofMillis(100)).isEmpty());
        }
    }


    private static double metric(final SluiceConsumer<byte[], byte[]> consumer, final String name) {
        return consumer.metrics().entrySet().stream()
            .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("consumer-fetch-manager-metrics"))
            .map(e -> (Double) e.getValue().metricValue()).findFirst()
            .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Test
    void shouldReportFetchMetricsUnderKafkasNamesAndOverJmx() throws Exception {
        final String topic = "metrics";
        createTopic(topic, 1);
        produce(topic, 0, 0, 100);
        final String clientId = "metrics-consumer-" + getClass().getSimpleName();
        try (SluiceConsumer<byte[], byte[]> consumer = consumer(Map.of("client.id", clientId))) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            assertEquals(100, readAll(consumer, 100, r -> { }).size());
            assertEquals(100.0, metric(consumer, "records-consumed-total"));
            assertTrue(metric(consumer, "bytes-consumed-total") > 100 * 4, "bytes of 100 records were fetched");
            assertTrue(metric(consumer, "fetch-size-avg") > 0);
            assertTrue(metric(consumer, "fetch-latency-avg") >= 0);
            assertTrue(metric(consumer, "records-lag-max") >= 0);
            assertTrue(metric(consumer, "records-consumed-rate") > 0);
            assertTrue(metric(consumer, "bytes-consumed-rate") > 0);
            final Object viaJmx = java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                new javax.management.ObjectName("dev.sluice:type=consumer-fetch-manager-metrics,client-id=" + clientId),
                "records-consumed-total");
            assertEquals(100.0, ((Number) viaJmx).doubleValue());
        }
    }
}
