package dev.sluice.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.broker.MockBroker;
import dev.sluice.broker.MockBrokerExtension;
import dev.sluice.client.consumer.Consumer;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.Producer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.client.serialization.StringSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's producer and consumer example, run against an embedded broker. The lines between the
 * {@code README example} markers below are the README's code block, character for character (less
 * their indentation): {@link #shouldShowThisExampleInTheReadme} fails when either side changes alone.
 */
class ReadmeExampleTest {
    // No initial rebalance delay: the example's group has one member, waiting 3 s for more only slows the test.
    @RegisterExtension
    static final MockBrokerExtension BROKER = new MockBrokerExtension().config("group.initial.rebalance.delay.ms", "0");

    static final String BEGIN = "// README example begin";
    static final String END = "// README example end";
    private static final Path SOURCE = Path.of(System.getProperty("basedir", "."),
        "src/test/java/dev/sluice/samples/readme/ReadmeExampleTest.java");

    /** The example as a user writes it (plain locals, printing to stdout), with the broker's address. */
    static void example(final String bootstrap) {
        // README example begin
        Map<String, Object> producerProps = Map.of("bootstrap.servers", bootstrap, "linger.ms", 5);
        try (Producer<String, String> producer =
                 new SluiceProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders", "alice", "{\"total\":19.50}"), (metadata, error) ->
                System.out.println(error == null ? "stored at offset " + metadata.offset() : "failed: " + error));
        }
        Map<String, Object> consumerProps = Map.of("bootstrap.servers", bootstrap,
            "group.id", "billing", "auto.offset.reset", "earliest");
        try (Consumer<String, String> consumer =
                 new SluiceConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orders"));
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(10))) {
                System.out.println(record.key() + " " + record.value() + " at offset " + record.offset());
            }
        }
        // README example end
    }

    @Test
    void shouldStoreTheOrderAndReadItBackAsTheReadmeExampleShows(final MockBroker broker) {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example(broker.bootstrapServers());
        } finally {
            System.setOut(stdout);
        }

        assertEquals(List.of("stored at offset 0", "alice {\"total\":19.50} at offset 0"),
            printed.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void shouldShowThisExampleInTheReadme() throws IOException {
        final List<String> source = Files.readAllLines(SOURCE);
        final List<String> region = source.subList(indexOf(source, BEGIN) + 1, indexOf(source, END));
        final int indent = region.get(0).length() - region.get(0).stripLeading().length();
        final String expected = String.join("\n", region.stream()
            .map(line -> line.isBlank() ? "" : line.substring(indent)).toList());

        assertEquals(expected, Readme.codeBlockAfter(Readme.EXAMPLE_MARKER),
            "the README's example block must equal the region between the markers in " + SOURCE);
    }

    private static int indexOf(final List<String> lines, final String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + marker + "' in " + SOURCE);
    }
}
