package dev.sluice.tools;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** consumer-perf and console-consumer against the Sluice broker, with both clients. */
class ConsumerToolsTest {
    private static final int PERF_RECORDS = 2_000;
    private static MockBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = MockBroker.builder().config("num.partitions", "2").build().start();
        try (SluiceProducer<String, String> producer = new SluiceProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", "5"),
            new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < PERF_RECORDS; i++) {
                producer.send(new ProducerRecord<>("perf", "key-" + i, "value-" + i));
            }
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("console", 0, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run run(final Tool tool, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = tool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintKafkasConsumerPerformanceSummaryForBothClients() {
        for (final String client : List.of("sluice", "kafka")) {
            final Run run = run(ConsumerPerf::run, "--bootstrap-server", broker.bootstrapServers(), "--topic", "perf",
                "--messages", String.valueOf(PERF_RECORDS), "--timeout", "30000", "--client", client);
            assertEquals(0, run.exit(), client + ": " + run.err());
            final List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(0).startsWith("start.time, end.time, data.consumed.in.MB, MB.sec"), lines.get(0));
            final String[] fields = lines.get(1).split(", ");
            assertEquals(10, fields.length, lines.get(1));
            assertEquals(PERF_RECORDS, Long.parseLong(fields[4]), client + " consumed every record");
            assertTrue(Double.parseDouble(fields[2]) > 0, "MB consumed");
            assertTrue(Long.parseLong(fields[7]) > 0, "fetch time");
            assertTrue(lines.get(3).matches("[0-9]+ ms longest wait for records, [0-9]+\\.[0-9]{2} cores busy \\(fetch\\)"),
                lines.get(3));
        }
    }

    @Test
    void shouldReportARecordThatArrivedLateAsTheLongestWaitForRecords() throws Exception {
        final long lateMs = 1_500;
        try (SluiceProducer<String, String> producer = new SluiceProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("late", 0, "k" + i, "v" + i)).get();
            }
            // With --reporting-interval 0 every poll that returns records prints a progress line to stdout;
            // the fourth record is written only a while after the line that counts all three earlier ones.
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final Thread late = new Thread(() -> {
                try {
                    while (out.toString(StandardCharsets.UTF_8).lines()
                        .noneMatch(l -> l.matches("[^,]+, 0, [^,]+, [^,]+, 3, .*"))) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(lateMs);
                    producer.send(new ProducerRecord<>("late", 0, "k3", "v3")).get();
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            late.setDaemon(true);
            late.start();
            final int exit = ConsumerPerf.run(new String[] {"--bootstrap-server", broker.bootstrapServers(), "--topic",
                "late", "--messages", "4", "--timeout", "30000", "--reporting-interval", "0", "--show-detailed-stats"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            late.join();
            final List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, exit, String.join("\n", lines));
            final String phase = lines.get(lines.size() - 1);
            final long longestWaitMs = Long.parseLong(phase.substring(0, phase.indexOf(" ms longest wait")));
            assertTrue(longestWaitMs >= lateMs, phase);
        }
    }

    @Test
    void shouldRejectAnUnknownFlagByName() {
        final Run run = run(ConsumerPerf::run, "--bootstrap-server", "127.0.0.1:1", "--topic", "t", "--messages", "1",
            "--bogus", "1");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    @Test
    void shouldPrintKeysAndValuesFromTheBeginning() {
        for (final String client : List.of("sluice", "kafka")) {
            final Run run = run(ConsoleConsumer::run, "--bootstrap-server", broker.bootstrapServers(), "--topic", "console",
                "--from-beginning", "--max-messages", "3", "--property", "print.key=true", "--property",
                "key.separator=:", "--client", client);
            assertEquals(0, run.exit(), run.err());
            assertEquals(List.of("k0:v0", "k1:v1", "k2:v2"), run.out().lines().toList(), client);
        }
    }

    @Test
    void shouldCommitInAGroupSoTheNextRunStartsAfterIt() {
        final String[] args = {"--bootstrap-server", broker.bootstrapServers(), "--topic", "console", "--group", "cc",
            "--from-beginning", "--max-messages", "2", "--consumer-property", "auto.commit.interval.ms=100"};
        final Run first = run(ConsoleConsumer::run, args);
        assertEquals(List.of("v0", "v1"), first.out().lines().toList(), first.err());
        final Run second = run(ConsoleConsumer::run, "--bootstrap-server", broker.bootstrapServers(), "--topic", "console",
            "--group", "cc", "--max-messages", "1");
        assertEquals(List.of("v2"), second.out().lines().toList(), second.err());
    }
}
