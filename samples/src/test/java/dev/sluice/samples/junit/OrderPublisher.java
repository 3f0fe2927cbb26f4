package dev.sluice.samples.junit;

/**
 * The example application code under test: publishes each order as JSON, keyed by customer id so
 * that one customer's orders land on one partition and are read in the order they were placed.
 *
 * <p>It does not care which Kafka client carries the records: the application passes a
 * {@link RecordSink} wrapping its producer (kafka-clients' {@code KafkaProducer} or Sluice's
 * {@code SluiceProducer}), and the test checks the outcome on a real broker.
 */
final class OrderPublisher {
    /** Hands one record to the application's producer; asynchronous, like {@code Producer.send}. */
    @FunctionalInterface
    interface RecordSink {
        void send(String topic, String key, String value);
    }

    private final String topic;
    private final RecordSink sink;

    OrderPublisher(final String topic, final RecordSink sink) {
        this.topic = topic;
        this.sink = sink;
    }

    void publish(final Order order) {
        sink.send(topic, order.customer(), order.toJson());
    }
}
