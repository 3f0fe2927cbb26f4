package dev.sluice.tools;

import dev.sluice.broker.MockBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer benchmark's orchestration end to end at a tiny size against a Sluice broker: every
 * tool runs as its own process, as in {@code bin/consumer-bench}, but started with this JVM's
 * classpath so the test needs no packaged jar.
 */
class ConsumerBenchTest {
    private static final long RECORDS = 300;

    private static List<String> java(final Class<?> main, final List<String> args) {
        return ConsumerBench.Commands.with(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), main.getName()), args);
    }

    private static final ConsumerBench.Commands IN_CLASSPATH = new ConsumerBench.Commands() {
        @Override
        public List<String> producerPerf(final List<String> args) {
            return java(ProducerPerf.class, args);
        }

        @Override
        public List<String> consumerPerf(final List<String> args) {
            return java(ConsumerPerf.class, args);
        }

        @Override
        public List<String> socketBaseline(final List<String> args) {
            return java(SocketBaseline.class, args);
        }
    };

    @Test
    void shouldLoadConsumeWithBothClientsAndMeasureTheBaselineIntoOneTable(@TempDir final Path dir) throws Exception {
        final Path raw = dir.resolve("raw.tsv");
        final ConsumerBench.Results results;
        try (MockBroker broker = MockBroker.builder().dataDir(dir.resolve("data")).config("num.partitions", "8")
            .config("group.initial.rebalance.delay.ms", "0").build().start()) {
            results = ConsumerBench.run("sluice", broker.bootstrapServers(),
                new ConsumerBench.Settings(1, RECORDS, RECORDS, List.of(1024), List.of("none", "lz4"), 0), IN_CLASSPATH, raw);
        }

        final List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), String.join("\n", lines));
        for (final String client : List.of("sluice", "kafka")) {
            for (final String compression : List.of("none", "lz4")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("sluice\t1024\t" + compression + "\t" + client
                    + "\t1\t" + RECORDS + "\t")), client + " " + compression + ":\n" + lines);
            }
        }
        // The baseline follows the uncompressed 1 KiB cell's round, before the lz4 cell starts.
        assertTrue(lines.get(2).startsWith("socket-baseline\t1024\tfile\t-\t1\t"), lines.get(2));
        assertEquals(4, results.runs().size());
        assertEquals(1, results.baselineMbPerSec().size());
        results.runs().forEach(run -> assertEquals(RECORDS, run.result().records(), run.toString()));
        // consumer-perf's phase line is kept, in the raw file too (13 columns).
        results.runs().forEach(run -> assertTrue(run.result().longestWaitMs() >= 0 && run.result().coresBusy() > 0,
            run.toString()));
        lines.stream().filter(l -> !l.startsWith("socket-baseline")).forEach(l ->
            assertEquals(13, l.split("\t").length, l));
        final List<ConsumerBench.Run> readBack = ConsumerBenchRaw.read(lines).runs();
        assertEquals(results.runs().stream().map(r -> r.result().longestWaitMs() + " " + r.result().coresBusy()).toList(),
            readBack.stream().map(r -> r.result().longestWaitMs() + " " + r.result().coresBusy()).toList());

        final String md = ConsumerBenchTable.markdown(results.runs(), results.baselineMbPerSec());
        assertTrue(md.contains("| sluice | 1024 | none | 1 | "), md);
        assertTrue(md.contains("| sluice | 1024 | lz4 | 1 | "), md);
        assertTrue(md.contains("met in ") && md.contains(" of 2 cells."), md);
        assertTrue(md.contains("Target >= 0.5x the socket baseline: the Sluice consumer on the Sluice broker moved "), md);
    }

    @Test
    void shouldWarmAFreshBrokerWithEachClientBeforeTheFirstMeasuredRoundAndLeaveTheWarmUpOutOfTheResults(
        @TempDir final Path dir) throws Exception {
        final Path raw = dir.resolve("raw.tsv");
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final ConsumerBench.Results results;
        try (MockBroker broker = MockBroker.builder().dataDir(dir.resolve("data")).config("num.partitions", "8")
            .config("group.initial.rebalance.delay.ms", "0").build().start()) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                results = ConsumerBench.run("sluice", broker.bootstrapServers(),
                    new ConsumerBench.Settings(1, RECORDS, RECORDS, List.of(1024), List.of("none"), 1), IN_CLASSPATH, raw);
            } finally {
                System.setOut(stdout);
            }
        }

        final String output = printed.toString(StandardCharsets.UTF_8);
        for (final String client : List.of("sluice", "kafka")) {
            assertTrue(output.lines().anyMatch(l -> l.matches("# warm-up sluice " + client + " 1024 B none: [0-9.]+ MB/s")),
                client + " did not warm the broker up:\n" + output);
        }
        // The warm-up reads happen before the first measured round and leave no trace in the results.
        assertTrue(output.indexOf("# warm-up") < output.indexOf("sluice\t1024\tnone\t"), output);
        final List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("warm-up")), String.join("\n", lines));
        assertEquals(2, results.runs().size());
    }

    @Test
    void shouldNameTheBadOption() {
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> BenchOptions.parse(new String[] {"--round", "3"}, Set.of("rounds")));
        assertTrue(unknown.getMessage().contains("unknown option --round"), unknown.getMessage());
        final BenchOptions opts = BenchOptions.parse(new String[] {"--rounds", "zero", "--sizes", "100,-1"},
            Set.of("rounds", "sizes"));
        final IllegalArgumentException rounds = assertThrows(IllegalArgumentException.class,
            () -> opts.positiveInt("rounds", 1));
        assertTrue(rounds.getMessage().contains("--rounds takes a positive whole number, not zero"), rounds.getMessage());
        final IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
            () -> opts.ints("sizes", "100", 1));
        assertTrue(sizes.getMessage().contains("--sizes takes whole numbers of at least 1, not -1"), sizes.getMessage());
    }
}
