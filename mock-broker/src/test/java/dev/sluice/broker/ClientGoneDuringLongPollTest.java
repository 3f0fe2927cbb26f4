package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * A consumer that goes away while its fetch is parked: when the long poll runs out the broker writes
 * the answer into a reset socket. That is normal operation, so the broker logs it at debug only (the
 * tests log at info, so nothing may appear), and it must release the connection.
 */
class ClientGoneDuringLongPollTest {
    private static final short FETCH_V12 = 12;
    private static final int MAX_WAIT_MS = 300;

    @Test
    void shouldReleaseTheConnectionAndLogNothingAboveDebugWhenTheClientLeftDuringALongPoll() throws Exception {
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (MockBroker broker = MockBroker.builder().build().start()) {
            createTopic(broker, "quiet");
            final int clientPort;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                final RawClient consumer = new RawClient(broker);
                clientPort = consumer.localPort();
                consumer.send(ApiKeys.FETCH, FETCH_V12, longPoll("quiet"));
                awaitValue(() -> broker.fetchCounters().parked(), 1);
                consumer.abort();

                awaitValue(() -> broker.fetchCounters().answered(), 1);
                awaitValue(() -> broker.networkCounters().openConnections(), 0);
            } finally {
                System.setErr(original);
            }
            final String log = captured.toString(StandardCharsets.UTF_8);
            assertFalse(log.contains(":" + clientPort), "logged above debug:\n" + log);
            assertEquals(0, broker.networkCounters().openConnections());
        }
    }

    private static void awaitValue(final LongSupplier counter, final long expected) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (counter.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, counter.getAsLong());
    }

    private static void createTopic(final MockBroker broker, final String topic) throws Exception {
        try (RawClient admin = new RawClient(broker)) {
            final Struct create = CreateTopicsRequestSchema.SCHEMA.newStruct()
                    .set(CreateTopicsRequestSchema.TOPICS, new ArrayList<>());
            create.add(CreateTopicsRequestSchema.TOPICS)
                    .set(CreateTopicsRequestSchema.CreatableTopic.NAME, topic)
                    .set(CreateTopicsRequestSchema.CreatableTopic.NUM_PARTITIONS, 1)
                    .set(CreateTopicsRequestSchema.CreatableTopic.REPLICATION_FACTOR, (short) 1);
            admin.call(ApiKeys.CREATE_TOPICS, (short) 7, create);
        }
    }

    /** A fetch of an empty partition that waits up to {@link #MAX_WAIT_MS} for one byte. */
    private static Struct longPoll(final String topic) {
        return BrokerProtocolTest.fetch(topic, 0L, MAX_WAIT_MS, 1);
    }
}
