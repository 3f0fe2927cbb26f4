package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.broker.handler.FetchCounters;
import dev.sluice.broker.network.NetworkCounters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-fetch counters against kafka-clients' consumer: what they report must match what the log
 * holds and what the network sent. Tests read differences, since the broker is shared by the class.
 */
class FetchCountersTest {
    @RegisterExtension
    static final MockBrokerExtension EXTENSION = new MockBrokerExtension();

    private static final int RECORDS = 5_000;

    @Test
    void shouldCountRecordBytesOfFetchesAndTheSendfileCallsThatCarriedThem(final MockBroker broker) {
        final TopicPartition partition = new TopicPartition("counted", 0);
        produce(broker, partition.topic(), RECORDS);
        final FetchCounters fetches = broker.fetchCounters();
        final NetworkCounters network = broker.networkCounters();
        final long answeredBefore = fetches.answered();
        final long bytesBefore = fetches.recordBytes();
        final long transferBytesBefore = network.transferToBytes();
        final long transferCallsBefore = network.transferToCalls();

        try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker, Map.of())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int read = 0;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (read < RECORDS && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertEquals(RECORDS, read);
        }

        final long stored = broker.logs().partition(partition.topic(), 0).sizeInBytes();
        assertEquals(stored, fetches.recordBytes() - bytesBefore, "every stored byte was answered once");
        assertEquals(stored, network.transferToBytes() - transferBytesBefore, "and sent by transferTo");
        final long calls = network.transferToCalls() - transferCallsBefore;
        final long answered = fetches.answered() - answeredBefore;
        assertTrue(calls >= 2 && answered >= 2, calls + " transferTo calls, " + answered + " fetches answered");
    }

    @Test
    void shouldCountLongPollsOfAConsumerThatHasReadEverything(final MockBroker broker) throws Exception {
        final TopicPartition partition = new TopicPartition("caught-up", 0);
        produce(broker, partition.topic(), 1);
        final FetchCounters fetches = broker.fetchCounters();

        try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker,
                Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50))) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            final long parkedBefore = fetches.parked();
            final long emptyBefore = fetches.answeredWithoutRecords();
            final long bytesBefore = fetches.recordBytes();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((fetches.parked() - parkedBefore < 3 || fetches.answeredWithoutRecords() - emptyBefore < 3)
                    && System.nanoTime() < deadline) {
                assertEquals(0, consumer.poll(Duration.ofMillis(200)).count());
            }

            assertTrue(fetches.parked() - parkedBefore >= 3, "long polls parked: " + fetches);
            assertTrue(fetches.answeredWithoutRecords() - emptyBefore >= 3, "answered empty at max wait: " + fetches);
            assertEquals(bytesBefore, fetches.recordBytes(), "nothing to read at the end of the log");
        }
    }

    private static void produce(final MockBroker broker, final String topic, final int records) {
        final Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, null, ("value-" + i).getBytes()));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final MockBroker broker, final Map<String, Object> extra) {
        final Map<String, Object> props = new HashMap<>(extra);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Small responses, so that reading the partition takes several fetches and sendfile calls.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
