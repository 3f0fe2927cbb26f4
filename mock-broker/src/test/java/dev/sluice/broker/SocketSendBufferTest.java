package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.broker.network.NetworkCounters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code socket.send.buffer.bytes} end to end: a broker with a tiny send buffer still serves
 * kafka-clients' consumer megabyte fetch responses byte for byte, resuming its sendfile calls many
 * times per response.
 */
class SocketSendBufferTest {
    private static final int RECORDS = 8_000;
    private static final int VALUE_BYTES = 1_024;

    @TempDir
    Path dataDir;

    @Test
    void shouldServeMegabyteFetchesByteForByteThroughATinySendBuffer() throws Exception {
        try (MockBroker broker = MockBroker.builder().port(0).dataDir(dataDir)
                .config("socket.send.buffer.bytes", "8192").build().start()) {
            final TopicPartition partition = new TopicPartition("tiny-send-buffer", 0);
            produce(broker, partition.topic());
            final NetworkCounters network = broker.networkCounters();
            final long callsBefore = network.transferToCalls();
            final long bytesBefore = network.transferToBytes();

            final Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            int read = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (read < RECORDS && System.nanoTime() < deadline) {
                    for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        assertEquals(read, record.offset());
                        assertArrayEquals(value(read), record.value(), "value of offset " + read);
                        read++;
                    }
                }
            }
            assertEquals(RECORDS, read);
            final long sent = network.transferToBytes() - bytesBefore;
            assertEquals(broker.logs().partition(partition.topic(), 0).sizeInBytes(), sent);
            // 8 MiB in 1 MiB responses; with 16 KiB of send buffer (the kernel doubles 8192) plus the
            // consumer's 64 KiB window, no sendfile call can move more than about 100 KiB.
            final long calls = network.transferToCalls() - callsBefore;
            assertTrue(calls >= sent / (256 * 1024), sent + " bytes went out in only " + calls + " transferTo calls");
        }
    }

    private static void produce(final MockBroker broker, final String topic) {
        final Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, 0, null, value(i)));
            }
            producer.flush();
        }
    }

    /** Random bytes seeded by the offset: any byte served from the wrong place shows. */
    private static byte[] value(final int offset) {
        final byte[] value = new byte[VALUE_BYTES];
        new Random(offset).nextBytes(value);
        return value;
    }
}
