package dev.sluice.tools;

import dev.sluice.broker.MockBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unthrottled producer matrix's orchestration at a tiny size against a Sluice broker: every
 * producer-perf run is its own process, as in {@code bin/producer-bench}, started with this JVM's
 * classpath, and the order in which the runs were started is kept to check the broker warm-up.
 */
class ProducerBenchTest {
    private static final long RECORDS = 300;

    /** Starts producer-perf from this JVM's classpath and remembers each run's arguments, in order. */
    private static final class RecordingCommands implements ConsumerBench.Commands {
        private final List<List<String>> producerRuns = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<String> producerPerf(final List<String> args) {
            producerRuns.add(List.copyOf(args));
            return ConsumerBench.Commands.with(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ProducerPerf.class.getName()), args);
        }

        @Override
        public List<String> consumerPerf(final List<String> args) {
            throw new UnsupportedOperationException("the producer matrix runs no consumer");
        }

        @Override
        public List<String> socketBaseline(final List<String> args) {
            throw new UnsupportedOperationException("the producer matrix runs no socket baseline");
        }
    }

    private static String flag(final List<String> args, final String name) {
        return args.get(args.indexOf(name) + 1);
    }

    private static List<String> runMatrix(final Path dir, final int warmupRounds, final RecordingCommands commands,
                                          final ByteArrayOutputStream printed) throws Exception {
        final ProducerBench.Matrix matrix = new ProducerBench.Matrix(1, 1, RECORDS, RECORDS, List.of(100, 200),
            List.of(5), List.of("none", "lz4"), warmupRounds);
        final Path raw = dir.resolve("raw.tsv");
        final List<ProducerBench.Run> runs;
        try (MockBroker broker = MockBroker.builder().dataDir(dir.resolve("data")).config("num.partitions", "8")
            .build().start()) {
            runs = ProducerBench.matrix("sluice", broker.bootstrapServers(), matrix, commands, raw,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertEquals(8, runs.size(), printed.toString(StandardCharsets.UTF_8));
        runs.forEach(run -> assertEquals(RECORDS, run.summary().records(), run.toString()));
        return Files.readAllLines(raw, StandardCharsets.UTF_8);
    }

    @Test
    void shouldWarmTheBrokerWithEachClientSizeAndCodecBeforeTheFirstMeasuredRun(@TempDir final Path dir)
        throws Exception {
        final RecordingCommands commands = new RecordingCommands();
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final List<String> raw = runMatrix(dir, 1, commands, printed);

        final List<List<String>> started = commands.producerRuns;
        assertEquals(16, started.size(), started.toString());
        final Set<String> warmed = new HashSet<>();
        for (final List<String> args : started.subList(0, 8)) {
            assertTrue(flag(args, "--topic").startsWith("pb-warmup-"), args.toString());
            assertTrue(args.contains("linger.ms=0"), args.toString());
            assertEquals(Long.toString(RECORDS), flag(args, "--num-records"), args.toString());
            warmed.add(flag(args, "--client") + " " + flag(args, "--record-size") + " "
                + args.stream().filter(a -> a.startsWith("compression.type=")).findFirst().orElseThrow());
        }
        final Set<String> expected = new HashSet<>();
        for (final String client : List.of("sluice", "kafka")) {
            for (final String size : List.of("100", "200")) {
                for (final String compression : List.of("none", "lz4")) {
                    expected.add(client + " " + size + " compression.type=" + compression);
                }
            }
        }
        assertEquals(expected, warmed);
        for (final List<String> args : started.subList(8, 16)) {
            assertTrue(flag(args, "--topic").startsWith("pb-sluice-"), args.toString());
            assertFalse(flag(args, "--topic").startsWith("pb-warmup-"), args.toString());
        }

        // Warm-up results are printed but stay out of the raw file and the table.
        final String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(8, out.lines().filter(l -> l.startsWith("# warm-up sluice ")).count(), out);
        assertFalse(out.contains("FAILED"), out);
        assertEquals(8, raw.size(), String.join("\n", raw));
        raw.forEach(line -> assertTrue(line.matches("sluice\t(100|200)\t5\t.*"), line));
    }

    @Test
    void shouldStartMeasuringAtOnceWithoutWarmupRounds(@TempDir final Path dir) throws Exception {
        final RecordingCommands commands = new RecordingCommands();
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        runMatrix(dir, 0, commands, printed);

        assertEquals(8, commands.producerRuns.size(), commands.producerRuns.toString());
        assertEquals("sluice", flag(commands.producerRuns.get(0), "--client"));
        commands.producerRuns.forEach(args -> assertFalse(flag(args, "--topic").startsWith("pb-warmup-"), args.toString()));
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("# warm-up"));
    }
}
