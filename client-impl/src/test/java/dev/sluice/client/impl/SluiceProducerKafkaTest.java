package dev.sluice.client.impl;

import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.ByteArraySerializer;
import dev.sluice.testkit.ApacheKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sluice producer against a real Apache Kafka 4.1 broker, read back by kafka-clients'
 * KafkaConsumer.
 */
class SluiceProducerKafkaTest {
    /** Records per codec; the 1 000 000-record run is done by hand with -Dsluice.records=1000000. */
    private static final int RECORDS = Integer.getInteger("sluice.records", 20_000);
    private static final int PARTITIONS = 4;

    private static ApacheKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = ApacheKafkaBroker.builder().config("num.partitions", String.valueOf(PARTITIONS)).start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static Properties producerProps(final String compression) {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("compression.type", compression);
        props.put("linger.ms", "5");
        return props;
    }

    private static void createTopic(final String topic) throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldReportPartitionsWithLeaderReplicasAndIsrAsKafkaClientsDoes() throws Exception {
        final String topic = "partitions-for";
        createTopic(topic);
        final List<String> expected = new ArrayList<>();
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            for (final org.apache.kafka.common.PartitionInfo p : consumer.partitionsFor(topic, Duration.ofMinutes(1))) {
                expected.add(p.partition() + " leader=" + p.leader().id() + ":" + p.leader().port()
                    + " replicas=" + ids(Arrays.stream(p.replicas()).map(org.apache.kafka.common.Node::id).toList())
                    + " isr=" + ids(Arrays.stream(p.inSyncReplicas()).map(org.apache.kafka.common.Node::id).toList())
                    + " offline=" + ids(Arrays.stream(p.offlineReplicas()).map(org.apache.kafka.common.Node::id).toList()));
            }
        }
        final List<String> fromProducer;
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(producerProps("none"),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            fromProducer = describe(producer.partitionsFor(topic));
        }
        final List<String> fromConsumer;
        try (SluiceConsumer<byte[], byte[]> consumer = new SluiceConsumer<>(Map.of("bootstrap.servers",
            kafka.bootstrapServers()), new dev.sluice.client.serialization.ByteArrayDeserializer(),
            new dev.sluice.client.serialization.ByteArrayDeserializer())) {
            fromConsumer = describe(consumer.partitionsFor(topic));
        }
        expected.sort(null);
        assertEquals(PARTITIONS, fromProducer.size());
        assertEquals(expected, fromProducer, "SluiceProducer.partitionsFor");
        assertEquals(expected, fromConsumer, "SluiceConsumer.partitionsFor");
    }

    /** The same line per partition as built from kafka-clients' view above, sorted. */
    private static List<String> describe(final List<dev.sluice.client.PartitionInfo> partitions) {
        final List<String> out = new ArrayList<>();
        for (final dev.sluice.client.PartitionInfo p : partitions) {
            out.add(p.partition() + " leader=" + p.leader().id() + ":" + p.leader().port()
                + " replicas=" + ids(p.replicas().stream().map(dev.sluice.client.Node::id).toList())
                + " isr=" + ids(p.inSyncReplicas().stream().map(dev.sluice.client.Node::id).toList())
                + " offline=" + ids(p.offlineReplicas().stream().map(dev.sluice.client.Node::id).toList()));
            assertEquals(p.leader(), p.replicas().get(0), "replicas are full nodes, not bare ids");
        }
        out.sort(null);
        return out;
    }

    private static String ids(final List<Integer> ids) {
        return ids.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    void shouldWriteRecordsKafkaReadsBackByteEqualInOrderOnKafkasPartitions(final String compression) throws Exception {
        final String topic = "roundtrip-" + compression;
        createTopic(topic);
        final Random random = new Random(compression.hashCode());
        final List<byte[]> keys = new ArrayList<>();
        final List<byte[]> values = new ArrayList<>();
        final List<Future<RecordMetadata>> futures = new ArrayList<>();
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(producerProps(compression),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                final byte[] key = ("key-" + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
                final byte[] value = new byte[random.nextInt(200)];
                // Half random bytes, half a repeated pattern, so every codec has something to compress.
                for (int b = 0; b < value.length; b++) {
                    value[b] = b % 2 == 0 ? (byte) random.nextInt() : (byte) (i & 0x7f);
                }
                keys.add(key);
                values.add(value);
                futures.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            producer.flush();
        }
        // Expected per partition, in send order.
        final Map<Integer, List<Integer>> expected = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            final RecordMetadata md = futures.get(i).get(1, TimeUnit.MINUTES);
            assertEquals(BuiltInPartitioner.partitionForKey(keys.get(i), PARTITIONS), md.partition(),
                "record " + i + " must land where kafka-clients would put its key");
            expected.computeIfAbsent(md.partition(), p -> new ArrayList<>()).add(i);
        }
        final Map<Integer, List<ConsumerRecord<byte[], byte[]>>> actual =
            PartitionReader.readAll(kafka.bootstrapServers(), topic, RECORDS);
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
}
