package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official kafka-clients 4.1.0 against the embedded broker: AdminClient topic management, and
 * a default (idempotent, acks=all) producer and an {@code assign()} consumer round-tripping keyed
 * records with headers, once per compression type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaClientsInteropTest {
    /**
     * Records per compression type: 1 000 000, as the issue asks. Measured on the loaded 2-core
     * machine (load average 6 to 7), {@code mvn -o -pl mock-broker -am verify -Dtest=} this class took
     * 67 s at 1 000 000 against 37 s at 100 000, i.e. 30 s more; {@code -Dsluice.interop.records=100000} shortens it.
     */
    static final int RECORDS = Integer.getInteger("sluice.interop.records", 1_000_000);
    private static final int PARTITIONS = 8;

    @TempDir
    Path dataDir;
    private MockBroker broker;

    @BeforeAll
    void startBroker() throws Exception {
        broker = MockBroker.builder().port(0).dataDir(dataDir).config("num.partitions", "8").build().start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void shouldCreateListAndDeleteTopicsWithAdminClient() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("admin-a", PARTITIONS, (short) 1),
                    new NewTopic("admin-b", PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            final Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(names.containsAll(Set.of("admin-a", "admin-b")), names.toString());
            assertEquals(PARTITIONS, admin.describeTopics(List.of("admin-a")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("admin-a").partitions().size());
            admin.deleteTopics(List.of("admin-a")).all().get(30, TimeUnit.SECONDS);
            final Set<String> after = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertFalse(after.contains("admin-a"), after.toString());
            assertTrue(after.contains("admin-b"), after.toString());
        }
    }

    @Test
    void shouldDescribeClusterAndTopicConfigsWithAdminClient() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("configured", 2, (short) 1)
                    .configs(Map.of("retention.ms", "3600000")))).all().get(30, TimeUnit.SECONDS);
            final var cluster = admin.describeCluster();
            assertEquals(broker.clusterId(), cluster.clusterId().get(30, TimeUnit.SECONDS));
            assertEquals(broker.port(), cluster.nodes().get(30, TimeUnit.SECONDS).iterator().next().port());
            final var resource = new ConfigResource(ConfigResource.Type.TOPIC, "configured");
            final Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertEquals("3600000", config.get("retention.ms").value());
            assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, config.get("retention.ms").source());
            assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, config.get("segment.bytes").source());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldRoundTripKeyedRecordsWithHeadersInOrderPerPartition(final String compression) throws Exception {
        final String topic = "roundtrip-" + compression;
        createTopic(topic);
        final long started = System.nanoTime();
        produce(topic, compression);
        final long produced = System.nanoTime();
        final long transferBefore = broker.networkCounters().transferToBytes();
        consumeAndCheck(topic);
        final long consumed = System.nanoTime();
        System.out.printf("%s: %d records produced in %d ms, consumed in %d ms%n", compression, RECORDS,
                TimeUnit.NANOSECONDS.toMillis(produced - started), TimeUnit.NANOSECONDS.toMillis(consumed - produced));
        // Sendfile proof: every stored batch byte was served once, through transferTo.
        assertEquals(storedBytes(topic), broker.networkCounters().transferToBytes() - transferBefore);
    }

    @Test
    void shouldServeFetchedRecordBytesOnlyThroughTransferTo() throws Exception {
        final String topic = "sendfile";
        createTopic(topic);
        produce(topic, "none");
        final long storedBytes = storedBytes(topic);
        final long transferBefore = broker.networkCounters().transferToBytes();
        final long heapBefore = broker.networkCounters().heapBytes();
        consumeAndCheck(topic);
        final long transferred = broker.networkCounters().transferToBytes() - transferBefore;
        final long heap = broker.networkCounters().heapBytes() - heapBefore;
        // Each stored byte is served once (the consumer's positions only move forward).
        assertEquals(storedBytes, transferred);
        // Heap writes are only framing: far fewer bytes than the records, none of them segment bytes.
        assertTrue(heap < storedBytes / 10, "heap bytes " + heap + " vs stored " + storedBytes);
    }

    private long storedBytes(final String topic) {
        long bytes = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            bytes += broker.logs().partition(topic, p).sizeInBytes();
        }
        return bytes;
    }

    private void createTopic(final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    static byte[] key(final int i) {
        return ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(final int i) {
        // Somewhat compressible, distinct per record.
        return ("value-" + i + "-" + "x".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] headerValue(final int i) {
        return ByteBuffer.allocate(4).putInt(i).array();
    }

    private void produce(final String topic, final String compression) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key(i), value(i));
                record.headers().add("index", headerValue(i)).add("topic", topic.getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        throw new AssertionError("send failed", error);
                    }
                });
            }
            producer.flush();
        }
    }

    /** Reads every record back and checks keys, values, headers and per-partition order. */
    private void consumeAndCheck(final String topic) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        final List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        final Map<Integer, Integer> lastIndexByPartition = new HashMap<>();
        final Map<Integer, Integer> partitionOfKey = new HashMap<>();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + RECORDS / 5_000);
            while (seen < RECORDS && System.nanoTime() < deadline) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    final Header index = record.headers().lastHeader("index");
                    final int i = ByteBuffer.wrap(index.value()).getInt();
                    assertArrayEquals(key(i), record.key());
                    assertArrayEquals(value(i), record.value());
                    assertArrayEquals(topic.getBytes(StandardCharsets.UTF_8), record.headers().lastHeader("topic").value());
                    final Integer last = lastIndexByPartition.put(record.partition(), i);
                    assertTrue(last == null || last < i, "partition " + record.partition() + " out of order: " + last
                            + " then " + i);
                    assertEquals(null, partitionOfKey.put(i, record.partition()), "record " + i + " seen twice");
                    seen++;
                }
            }
        }
        assertEquals(RECORDS, seen);
        assertEquals(PARTITIONS, lastIndexByPartition.size(), "keys should spread over every partition");
    }
}
