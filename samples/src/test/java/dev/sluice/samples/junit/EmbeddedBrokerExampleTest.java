package dev.sluice.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.broker.MockBroker;
import dev.sluice.broker.MockBrokerExtension;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.client.serialization.StringSerializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How an application tests its own Kafka code against a real broker started by the test itself: the
 * Sluice broker, embedded in the test JVM through {@link MockBrokerExtension}. Copy this class and
 * put your own code where {@link OrderPublisher} is.
 *
 * <p>The extension starts one broker per test class, before the first test, on a free port and in a
 * fresh temporary directory; it stops the broker and deletes the directory after the last test. A
 * test gets the broker by declaring a {@link MockBroker} parameter. Tests of one class share the
 * broker, so each uses its own topic and group.
 *
 * <p>Needs, in test scope: {@code sluice-mock-broker} and {@code junit-jupiter}; plus the client the
 * application uses ({@code kafka-clients} or {@code sluice-client-impl}).
 */
class EmbeddedBrokerExampleTest {
    // Broker settings take Kafka's names. Topics are auto-created on first use with three partitions;
    // no initial rebalance delay, so a test's single consumer joins its group at once (Kafka waits 3 s).
    @RegisterExtension
    static final MockBrokerExtension BROKER = new MockBrokerExtension()
        .config("num.partitions", "3")
        .config("group.initial.rebalance.delay.ms", "0");

    private static final List<Order> ORDERS = List.of(
        new Order("o-1", "alice", new BigDecimal("19.50")),
        new Order("o-2", "bob", new BigDecimal("7.25")),
        new Order("o-3", "alice", new BigDecimal("120.00")));
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    @Test
    void shouldPublishOrdersKeyedByCustomerThroughKafkaClients(final MockBroker broker) {
        final String topic = "orders-kafka-clients";
        final Map<String, Object> producerProps = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps,
                Serdes.String().serializer(), Serdes.String().serializer())) {
            final OrderPublisher publisher = new OrderPublisher(topic,
                (t, key, value) -> producer.send(new ProducerRecord<>(t, key, value)));
            ORDERS.forEach(publisher::publish);
        } // close() sends whatever is still queued

        final Map<String, Object> consumerProps = Map.of("bootstrap.servers", broker.bootstrapServers(),
            "group.id", "orders-test-kafka-clients", "auto.offset.reset", "earliest");
        final List<Received> received;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps,
                Serdes.String().deserializer(), Serdes.String().deserializer())) {
            consumer.subscribe(List.of(topic));
            received = readUntil(ORDERS.size(), () -> consumer.poll(POLL),
                r -> new Received(r.key(), r.value(), r.partition(), r.offset()));
        }
        assertPublishedInOrderPerCustomer(received);
    }

    @Test
    void shouldPublishOrdersKeyedByCustomerThroughSluice(final MockBroker broker) {
        final String topic = "orders-sluice";
        final Map<String, Object> producerProps = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (SluiceProducer<String, String> producer =
                 new SluiceProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            final OrderPublisher publisher = new OrderPublisher(topic,
                // Sluice's ProducerRecord; the name clashes with kafka-clients' one imported for the other test.
                (t, key, value) -> producer.send(new dev.sluice.client.producer.ProducerRecord<>(t, key, value)));
            ORDERS.forEach(publisher::publish);
        }

        final Map<String, Object> consumerProps = Map.of("bootstrap.servers", broker.bootstrapServers(),
            "group.id", "orders-test-sluice", "auto.offset.reset", "earliest");
        final List<Received> received;
        try (SluiceConsumer<String, String> consumer =
                 new SluiceConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            received = readUntil(ORDERS.size(), () -> consumer.poll(POLL),
                r -> new Received(r.key(), r.value(), r.partition(), r.offset()));
        }
        assertPublishedInOrderPerCustomer(received);
    }

    /** What the application promises: every order once, as JSON, keyed by customer, in order per customer. */
    private static void assertPublishedInOrderPerCustomer(final List<Received> received) {
        assertEquals(ORDERS.size(), received.size(), "one record per order: " + received);
        for (final Order order : ORDERS) {
            assertEquals(1, received.stream().filter(r -> r.key().equals(order.customer())
                && r.value().equals(order.toJson())).count(), "order " + order.id() + " in " + received);
        }
        final List<Received> alice = received.stream().filter(r -> r.key().equals("alice")).toList();
        assertEquals(alice.get(0).partition(), alice.get(1).partition(), "one partition per customer");
        assertEquals(List.of(ORDERS.get(0).toJson(), ORDERS.get(2).toJson()),
            alice.stream().map(Received::value).toList(), "alice's orders in the order she placed them");
    }

    /**
     * Polls until {@code count} records arrived, or 30 s passed (rather than hang the build; the
     * assertions then say what is missing).
     *
     * @param poll one poll of the consumer, whichever client it is
     * @param convert turns that client's record into a {@link Received}
     */
    private static <R> List<Received> readUntil(final int count, final Supplier<? extends Iterable<R>> poll,
                                                final Function<R, Received> convert) {
        final List<Received> received = new ArrayList<>();
        final long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            poll.get().forEach(record -> received.add(convert.apply(record)));
        }
        return received;
    }

    /** One record as either client returned it. */
    private record Received(String key, String value, int partition, long offset) {
    }
}
