package dev.sluice.samples.hello;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.Consumer;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.Producer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.client.serialization.StringSerializer;
import dev.sluice.samples.support.SampleArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first Sluice program to read: a producer sends a handful of keyed records, a consumer in a
 * consumer group reads them back and commits. Run it with {@code bin/sample hello}.
 *
 * <p>Without options it starts its own broker in a temporary directory and deletes it at the end;
 * {@code --bootstrap-server host:port} uses a running broker instead (the Sluice broker or Apache
 * Kafka). Run it twice against the same broker and the second consumer starts after the first
 * run's records: that is the group's committed offset at work.
 */
public final class HelloSluice {
    /** The topic the sample writes; created on first use by the broker's auto-creation. */
    public static final String TOPIC = "hello";
    /** The consumer group; its committed offsets say where the next run starts. */
    public static final String GROUP = "hello-group";
    static final String USAGE = "usage: bin/sample hello [--bootstrap-server host:port]";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String[][] ORDERS = {
        {"alice", "{\"order\":1,\"item\":\"rain jacket\",\"total\":89.90}"},
        {"bob", "{\"order\":2,\"item\":\"red sneakers\",\"total\":64.00}"},
        {"alice", "{\"order\":3,\"item\":\"umbrella\",\"total\":19.50}"},
        {"carol", "{\"order\":4,\"item\":\"leather bag\",\"total\":120.00}"},
        {"bob", "{\"order\":5,\"item\":\"socks\",\"total\":7.25}"},
    };

    private final PrintStream out;

    /**
     * @param out where the sample narrates what happens, from the calling thread and from the producer's
     *     I/O thread (callbacks), so it must be thread-safe as {@link PrintStream} is; the caller keeps
     *     ownership
     */
    public HelloSluice(final PrintStream out) {
        this.out = out;
    }

    public static void main(final String[] args) throws IOException {
        final String bootstrapServers = SampleArgs.orExit(args, Set.of("--bootstrap-server"), USAGE,
            options -> options.string("--bootstrap-server", null));
        new HelloSluice(System.out).run(bootstrapServers);
    }

    /**
     * Sends the records and reads them back.
     *
     * @param bootstrapServers a running broker, or {@code null} to start an embedded one for the run
     * @return the records as the consumer read them, in the order it read them
     * @throws IllegalStateException if a record was not acknowledged or not read back within 30 s
     */
    public List<Delivery> run(final String bootstrapServers) throws IOException {
        if (bootstrapServers != null) {
            return sendAndReadBack(bootstrapServers);
        }
        // No data directory given: the broker uses a temporary one and deletes it on close.
        // No initial rebalance delay: a real cluster waits 3 s for more members, one consumer need not.
        try (MockBroker broker = MockBroker.builder().port(0)
                .config("num.partitions", "3")
                .config("group.initial.rebalance.delay.ms", "0")
                .build().start()) {
            out.printf("Embedded Sluice broker listening on %s (data in %s, deleted at the end)%n",
                broker.bootstrapServers(), broker.dataDir());
            return sendAndReadBack(broker.bootstrapServers());
        }
    }

    private List<Delivery> sendAndReadBack(final String bootstrapServers) {
        final List<Delivery> sent = send(bootstrapServers);
        return readBack(bootstrapServers, sent);
    }

    /** Sends every order and returns where each landed, in acknowledgement order. */
    private List<Delivery> send(final String bootstrapServers) {
        // Property names and defaults are kafka-clients' own: a producer.properties file loads unchanged.
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("linger.ms", 5);   // wait up to 5 ms so records to the same partition share a batch
        props.put("acks", "all");    // the default, spelled out: a record counts once the broker stored it
        final List<Delivery> acknowledged = Collections.synchronizedList(new ArrayList<>());
        try (Producer<String, String> producer =
                 new SluiceProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (final String[] order : ORDERS) {
                final String key = order[0];
                final String value = order[1];
                // The key picks the partition (a hash of it), so all of alice's orders stay in order on one partition.
                // send() only queues the record; the callback runs later, on the producer's I/O thread, so keep it short.
                producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, error) -> {
                    if (error != null) {
                        out.printf("send of %s failed: %s%n", key, error);
                        return;
                    }
                    acknowledged.add(new Delivery(key, value, metadata.partition(), metadata.offset()));
                    out.printf("sent %-6s -> partition %d @ offset %d%n", key, metadata.partition(), metadata.offset());
                });
            }
            // close() waits until every queued record is acknowledged or failed, so the callbacks have all run.
        }
        if (acknowledged.size() != ORDERS.length) {
            throw new IllegalStateException("only " + acknowledged.size() + " of " + ORDERS.length
                + " records were acknowledged; see the failures above");
        }
        return List.copyOf(acknowledged);
    }

    /** Reads from the group's committed position until every sent record was seen, then commits. */
    private List<Delivery> readBack(final String bootstrapServers, final List<Delivery> sent) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", GROUP);
        // A new group has no committed offset yet: start at the oldest record instead of only new ones.
        props.put("auto.offset.reset", "earliest");
        // Commit by hand below, after the records were handled, rather than on a background timer.
        props.put("enable.auto.commit", false);
        final List<Delivery> read = new ArrayList<>();
        try (Consumer<String, String> consumer =
                 new SluiceConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            // subscribe() lets the group hand out the topic's partitions; the first poll() joins the group.
            consumer.subscribe(List.of(TOPIC));
            final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!seenAll(read, sent)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + read.size() + " records in " + READ_TIMEOUT.toSeconds()
                        + " s but not all " + sent.size() + " that were sent");
                }
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(new Delivery(record.key(), record.value(), record.partition(), record.offset()));
                    out.printf("read %-6s <- partition %d @ offset %d: %s%n", record.key(), record.partition(),
                        record.offset(), record.value());
                }
                // Commit the positions after the records just returned: a restart resumes after them.
                consumer.commitSync();
            }
            out.printf("committed: group %s resumes at %s%n", GROUP,
                consumer.committed(consumer.assignment()).entrySet().stream()
                    .map(e -> partitionName(e.getKey()) + "=" + e.getValue().offset()).sorted().toList());
        }
        return read;
    }

    private static boolean seenAll(final List<Delivery> read, final List<Delivery> sent) {
        return read.containsAll(sent);
    }

    private static String partitionName(final TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /**
     * One record and where it is stored.
     *
     * @param partition the partition number within {@link #TOPIC}
     * @param offset the record's position in that partition, from 0
     */
    public record Delivery(String key, String value, int partition, long offset) {
    }
}
