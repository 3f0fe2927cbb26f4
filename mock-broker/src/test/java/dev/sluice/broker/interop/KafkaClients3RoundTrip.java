package dev.sluice.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Runs in a child JVM whose classpath holds an older kafka-clients (3.x) instead of the test's 4.1:
 * creates a topic with the admin client, sends keyed records with headers through a default
 * (idempotent, acks=all) producer with the given compression, reads them back in a consumer group,
 * checks every record byte for byte and in order per partition, commits, and reads the committed
 * offsets back through a second consumer of the group.
 *
 * <p>Prints {@code client-version V} first and {@code round-trip-ok TOPIC RECORDS} at the end; any
 * mismatch ends the JVM with status 1 and a line naming what differed. Arguments: bootstrap servers,
 * topic, group id, compression type, record count.
 */
public final class KafkaClients3RoundTrip {
    static final int PARTITIONS = 4;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long DEADLINE_MS = 60_000;

    private KafkaClients3RoundTrip() {
    }

    public static void main(final String[] args) throws Exception {
        final String bootstrap = args[0];
        final String topic = args[1];
        final String group = args[2];
        final String compression = args[3];
        final int records = Integer.parseInt(args[4]);
        System.out.println("client-version " + AppInfoParser.getVersion());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        produce(bootstrap, topic, compression, records);
        final Map<TopicPartition, Long> ends = consumeAndCheck(bootstrap, topic, group, records);
        checkCommitted(bootstrap, group, ends);
        System.out.println("round-trip-ok " + topic + " " + records);
    }

    /** Record i: key "key-i", a value of 20-219 bytes derived from i, two headers. */
    static byte[] key(final int i) {
        return ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(final int i) {
        final byte[] value = new byte[20 + i % 200];
        for (int b = 0; b < value.length; b++) {
            value[b] = (byte) (i * 31 + b * 7);
        }
        return value;
    }

    private static void produce(final String bootstrap, final String topic, final String compression,
                                final int records) throws Exception {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<java.util.concurrent.Future<?>> sends = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key(i), value(i));
                record.headers().add("index", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("codec", compression.getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
            }
            for (final java.util.concurrent.Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads every record in the group, checks it, commits; returns the end offset per partition. */
    private static Map<TopicPartition, Long> consumeAndCheck(final String bootstrap, final String topic,
                                                             final String group, final int records) {
        final Map<TopicPartition, Long> next = new HashMap<>();
        final Map<TopicPartition, Integer> lastIndex = new HashMap<>();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, group)) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.currentTimeMillis() + DEADLINE_MS;
            while (seen < records) {
                if (System.currentTimeMillis() > deadline) {
                    fail("read " + seen + " of " + records + " records before the deadline");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    final int index = check(record);
                    final Integer previous = lastIndex.put(partition, index);
                    if (previous != null && previous >= index) {
                        fail(partition + ": record " + index + " came after record " + previous);
                    }
                    next.put(partition, record.offset() + 1);
                    seen++;
                }
            }
            consumer.commitSync();
        }
        return next;
    }

    private static int check(final ConsumerRecord<byte[], byte[]> record) {
        final Header indexHeader = record.headers().lastHeader("index");
        if (indexHeader == null) {
            fail(record.topic() + "-" + record.partition() + "@" + record.offset() + " has no index header");
        }
        final int index = Integer.parseInt(new String(indexHeader.value(), StandardCharsets.UTF_8));
        if (!Arrays.equals(key(index), record.key()) || !Arrays.equals(value(index), record.value())) {
            fail(record.topic() + "-" + record.partition() + "@" + record.offset() + ": key or value of record "
                    + index + " differs from what was sent");
        }
        return index;
    }

    private static void checkCommitted(final String bootstrap, final String group, final Map<TopicPartition, Long> ends) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, group)) {
            final Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(ends.keySet());
            for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                final OffsetAndMetadata offset = committed.get(end.getKey());
                if (offset == null || offset.offset() != end.getValue()) {
                    fail(end.getKey() + ": committed " + offset + ", expected " + end.getValue());
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final String bootstrap, final String group) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void fail(final String what) {
        System.out.println("round-trip-failed " + what);
        System.out.flush();
        System.exit(1);
    }
}
