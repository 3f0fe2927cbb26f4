package dev.sluice.client.impl;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appends wake the producer's I/O thread only while it is parked, and not at all while every
 * leader is at {@code max.in.flight.requests.per.connection} (see {@code WakeupHandshake}). A
 * wake-up lost there would leave a record with {@code linger.ms=0} waiting for the I/O thread's
 * next timeout, {@code request.timeout.ms} (here 60 s) when nothing else is due; every send below
 * must complete well before that, from many threads at once, against the Sluice broker.
 */
class SluiceProducerWakeupTest {
    /** Far below request.timeout.ms: a record that waited for the I/O thread's timeout fails. */
    private static final long COMPLETION_BOUND_SECONDS = 20;
    private static final int THREADS = 6;

    private static MockBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = MockBroker.builder().port(0).config("num.partitions", "4").build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static SluiceProducer<byte[], byte[]> producer(final int maxInFlight) {
        return new SluiceProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 0,
            "request.timeout.ms", 60_000, "delivery.timeout.ms", 120_000,
            "max.in.flight.requests.per.connection", maxInFlight),
            new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Each thread waits for its record before sending the next, so the I/O thread goes idle and
     * parks between almost every pair of records and each append races with its parking. With one
     * thread nothing else would wake the I/O thread after a lost wake-up (with several, another
     * thread's append may rescue it, which is why both are run; a handshake that ignored appends
     * made during the cycle failed the one-thread case and passed the six-thread one).
     */
    @ParameterizedTest(name = "threads={0} max.in.flight={1}")
    @CsvSource({"1, 1", "1, 5", "6, 1", "6, 5"})
    void shouldCompleteRecordsSentOneAtATime(final int threadCount, final int maxInFlight) throws Exception {
        final String topic = "wakeup-one-at-a-time-" + threadCount + "-" + maxInFlight;
        final int recordsEach = 2_000 / threadCount;
        final ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try (SluiceProducer<byte[], byte[]> producer = producer(maxInFlight)) {
            final List<Future<List<RecordMetadata>>> threads = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                final byte[] value = ("thread-" + t).getBytes();
                threads.add(pool.submit(() -> {
                    final List<RecordMetadata> acked = new ArrayList<>();
                    for (int i = 0; i < recordsEach; i++) {
                        acked.add(producer.send(new ProducerRecord<>(topic, value))
                            .get(COMPLETION_BOUND_SECONDS, TimeUnit.SECONDS));
                    }
                    return acked;
                }));
            }
            assertAllStoredOnce(threads, threadCount * recordsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Unthrottled from many threads: the leader is at max in flight most of the time, so the I/O
     * thread mostly parks until a response and appends do not wake it.
     */
    @ParameterizedTest(name = "max.in.flight={0}")
    @ValueSource(ints = {1, 5})
    void shouldCompleteEveryRecordOfUnthrottledSendsFromManyThreads(final int maxInFlight) throws Exception {
        final String topic = "wakeup-unthrottled-" + maxInFlight;
        final int recordsEach = 5_000;
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (SluiceProducer<byte[], byte[]> producer = producer(maxInFlight)) {
            final List<Future<List<RecordMetadata>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final byte[] value = new byte[100 + t];
                threads.add(pool.submit(() -> {
                    final List<Future<RecordMetadata>> futures = new ArrayList<>();
                    for (int i = 0; i < recordsEach; i++) {
                        futures.add(producer.send(new ProducerRecord<>(topic, value)));
                    }
                    final List<RecordMetadata> acked = new ArrayList<>();
                    for (final Future<RecordMetadata> f : futures) {
                        acked.add(f.get(COMPLETION_BOUND_SECONDS, TimeUnit.SECONDS));
                    }
                    return acked;
                }));
            }
            assertAllStoredOnce(threads, THREADS * recordsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAllStoredOnce(final List<Future<List<RecordMetadata>>> threads, final int expected)
        throws Exception {
        final Set<String> positions = new HashSet<>();
        int count = 0;
        for (final Future<List<RecordMetadata>> thread : threads) {
            for (final RecordMetadata m : thread.get(2 * COMPLETION_BOUND_SECONDS, TimeUnit.SECONDS)) {
                assertTrue(m.offset() >= 0, "acknowledged with an offset: " + m);
                positions.add(m.partition() + "@" + m.offset());
                count++;
            }
        }
        assertEquals(expected, count);
        assertEquals(expected, positions.size(), "every record at its own offset");
    }
}
