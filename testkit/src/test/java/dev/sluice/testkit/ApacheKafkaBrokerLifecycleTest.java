package dev.sluice.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole life of one broker, in one test because restart and kill change shared state: data
 * produced with the official client is read back, survives a graceful restart and a SIGKILL, and
 * neither kill nor close leaves a process behind.
 */
class ApacheKafkaBrokerLifecycleTest {
    private static final String TOPIC = "lifecycle";
    private static final int RECORDS = 10_000;

    private static ApacheKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = ApacheKafkaBroker.builder().autoCreateTopics(false).build();
        broker.start();
        System.out.println("ApacheKafkaBroker.start() took " + broker.lastStartupTime().toMillis() + " ms; log "
                + broker.logFile());
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldKeepProducedRecordsAcrossRestartAndLeaveNoProcessAfterKill() throws Exception {
        assertEquals("127.0.0.1:" + broker.port(), broker.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        produce(RECORDS);
        assertRecordsReadBack(consumeAll("group-before-restart"));

        broker.restart();
        System.out.println("ApacheKafkaBroker.restart() took " + broker.lastStartupTime().toMillis() + " ms");
        assertRecordsReadBack(consumeAll("group-after-restart"));

        final long killedPid = broker.pid();
        broker.kill();
        assertFalse(broker.isRunning());
        assertGone(killedPid, "kill()");

        // A crash test's second half: the broker comes back on the same port after SIGKILL, and
        // acknowledged records are still there (in the page cache, which outlives the process).
        broker.start();
        System.out.println("ApacheKafkaBroker.start() after kill() took " + broker.lastStartupTime().toMillis() + " ms");
        assertRecordsReadBack(consumeAll("group-after-kill"));

        final long closedPid = broker.pid();
        broker.close();
        assertGone(closedPid, "close()");
        assertFalse(java.nio.file.Files.exists(broker.dataDir()), "close() must delete " + broker.dataDir());
    }

    private static void assertGone(final long pid, final String after) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "child JVM " + pid + " is still alive after " + after);
    }

    @Test
    void shouldRejectOverridingManagedProperty() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApacheKafkaBroker.builder().config("listeners", "PLAINTEXT://0.0.0.0:9092"));
        assertTrue(e.getMessage().contains("'listeners'"), e.getMessage());
    }

    private static void produce(final int count) throws Exception {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<Future<?>> acks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // Keyed by i % 3 so every partition gets an ordered sequence to check.
                acks.add(producer.send(new ProducerRecord<>(TOPIC, i % 3, key(i), value(i))));
            }
            for (final Future<?> ack : acks) {
                ack.get();
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeAll(final String group) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < RECORDS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }

    private static void assertRecordsReadBack(final List<ConsumerRecord<byte[], byte[]>> records) {
        assertEquals(RECORDS, records.size(), "records read back");
        final int[] nextPerPartition = {0, 1, 2};
        for (final ConsumerRecord<byte[], byte[]> record : records) {
            final int partition = record.partition();
            final int expected = nextPerPartition[partition];
            assertArrayEquals(key(expected), record.key(), "key at " + partition + "/" + record.offset());
            assertArrayEquals(value(expected), record.value(), "value at " + partition + "/" + record.offset());
            assertEquals(expected / 3, record.offset(), "offset of record " + expected);
            nextPerPartition[partition] = expected + 3;
        }
    }

    private static byte[] key(final int i) {
        return ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(final int i) {
        final byte[] value = new byte[100 + i % 50];
        for (int j = 0; j < value.length; j++) {
            value[j] = (byte) (i * 31 + j);
        }
        return value;
    }
}
