package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerBenchTableTest {
    private static final ConsumerBench.Cell BASELINE_CELL = new ConsumerBench.Cell("sluice", 1024, "none");

    private static ConsumerBench.Run run(final ConsumerBench.Cell cell, final String client, final double rate,
                                         final double mb, final double cpu) {
        return new ConsumerBench.Run(cell, client, 1, new ConsumerPerfResult(1000, 3000, 100, mb, rate, cpu));
    }

    @Test
    void shouldTakeMediansDivideSluiceByKafkaAndJudgeBothTargets() {
        final String md = ConsumerBenchTable.markdown(List.of(
            run(BASELINE_CELL, "sluice", 300_000, 300, 2.0), run(BASELINE_CELL, "kafka", 100_000, 100, 4.0),
            run(BASELINE_CELL, "sluice", 200_000, 200, 3.0), run(BASELINE_CELL, "kafka", 150_000, 150, 5.0),
            run(BASELINE_CELL, "sluice", 900_000, 900, 1.0), run(BASELINE_CELL, "kafka", 120_000, 120, 6.0)),
            List.of(1000.0, 500.0, 600.0));
        // medians: sluice 300000 rec/s, 300 MB/s, cpu 2.0; kafka 120000 rec/s, 120 MB/s, cpu 5.0; baseline 600
        assertTrue(md.contains("| sluice | 1024 | none | 3 | 300000 | 120000 | 2.50 | 300.0 | 120.0 | 2.00 | 5.00 | 0.40 |"
            + " 3000 | 3000 |"), md);
        assertTrue(md.contains("met in 1 of 1 cells."), md);
        assertTrue(md.contains("moved 300.0 MB/s of 1 KiB uncompressed records, the socket baseline 600.0 MB/s"
            + " (median of 3): 0.50x, met."), md);
    }

    @Test
    void shouldListEveryRoundsCoresBusyAndLongestWaitSoAStarvedRoundShows() {
        final ConsumerBench.Cell cell = new ConsumerBench.Cell("sluice", 100, "none");
        final String md = ConsumerBenchTable.markdown(List.of(
            phased(cell, "sluice", 1, 1.85, 40), phased(cell, "kafka", 1, 1.70, 80),
            phased(cell, "sluice", 2, 1.12, 35), phased(cell, "kafka", 2, 1.72, 90),
            phased(cell, "sluice", 3, 1.80, 41), new ConsumerBench.Run(cell, "kafka", 3,
                new ConsumerPerfResult(1000, 3000, 100, 1, 100_000, 1.0))), List.of());
        assertTrue(md.contains("| sluice cores busy | kafka cores busy | sluice longest wait ms | kafka longest wait ms |"),
            md);
        // Round order is kept; the kafka round without a phase line shows as unknown.
        assertTrue(md.contains(" | 1.85, 1.12, 1.80 | 1.70, 1.72, ? | 40, 35, 41 | 80, 90, ? |\n"), md);
    }

    private static ConsumerBench.Run phased(final ConsumerBench.Cell cell, final String client, final int round,
                                            final double coresBusy, final long longestWaitMs) {
        return new ConsumerBench.Run(cell, client, round,
            new ConsumerPerfResult(1000, 3000, 100, 1, 100_000, 1.0, longestWaitMs, coresBusy));
    }

    @Test
    void shouldReportAMissedTargetAndAMissingBaseline() {
        final ConsumerBench.Cell kafkaCell = new ConsumerBench.Cell("kafka", 100, "zstd");
        final String md = ConsumerBenchTable.markdown(List.of(
            run(kafkaCell, "sluice", 140_000, 14, 1.0), run(kafkaCell, "kafka", 100_000, 10, 1.0),
            run(BASELINE_CELL, "sluice", 1, 1, 1)), List.of());
        assertTrue(md.contains("met in 0 of 1 cells."), md);
        assertTrue(!md.contains("| sluice | 1024 |"), "a cell with one client missing has no row:\n" + md);
        assertTrue(md.contains("socket baseline: not measured"), md);
    }

    @Test
    void shouldReadConsumerPerfsSummaryAndCpuLines() {
        final String output = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,"
            + " rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n"
            + "2026-12-05 23:40:01:123, 2026-12-05 23:40:05:456, 195.3125, 45.0769, 200000, 46160.0, 3101, 1233,"
            + " 158.4043, 162206.0178\n" + ConsumerPerfResult.cpuLine(1.8449) + "\n";
        final ConsumerPerfResult r = ConsumerPerfResult.find(output).orElseThrow();
        assertEquals(new ConsumerPerfResult(200000, 3101, 1233, 158.4043, 162206.0178, 1.84, -1, Double.NaN), r);
        assertTrue(ConsumerPerfResult.find("WARNING: Exiting before consuming the expected number of messages\n")
            .isEmpty());
    }

    @Test
    void shouldReadConsumerPerfsPhaseLine() {
        final String output = "2026-12-05 23:40:01:123, 2026-12-05 23:40:05:456, 195.3125, 45.0769, 200000, 46160.0,"
            + " 3101, 1233, 158.4043, 162206.0178\n" + ConsumerPerfResult.cpuLine(1.8449) + "\n"
            + ConsumerPerfResult.phaseLine(61, 1.8249) + "\n";
        assertEquals(new ConsumerPerfResult(200000, 3101, 1233, 158.4043, 162206.0178, 1.84, 61, 1.82),
            ConsumerPerfResult.find(output).orElseThrow());
        final ConsumerPerfResult noClock = ConsumerPerfResult.find(output.replace(
            ConsumerPerfResult.phaseLine(61, 1.8249), ConsumerPerfResult.phaseLine(7, Double.NaN))).orElseThrow();
        assertEquals(7, noClock.longestWaitMs());
        assertTrue(Double.isNaN(noClock.coresBusy()), noClock.toString());
    }

    @Test
    void shouldReadRawLinesWrittenBeforeThePhaseColumns() {
        final ConsumerBench.Results read = ConsumerBenchRaw.read(List.of(
            "sluice\t1024\tnone\tkafka\t2\t200000\t3101\t1233\t158.40\t162206.0\t1.845"));
        assertEquals(List.of(new ConsumerBench.Run(BASELINE_CELL, "kafka", 2,
            new ConsumerPerfResult(200000, 3101, 1233, 158.4, 162206.0, 1.845, -1, Double.NaN))), read.runs());
    }

    @Test
    void shouldReadBackTheRawLinesItWritesAndSkipFailures() {
        final ConsumerPerfResult result = new ConsumerPerfResult(200000, 3101, 1233, 158.4, 162206.0, 1.845, 61, 1.82);
        final ConsumerBench.Results read = ConsumerBenchRaw.read(List.of(
            ConsumerBenchRaw.runLine(BASELINE_CELL, "kafka", 2, result),
            ConsumerBenchRaw.runLine(BASELINE_CELL, "sluice", 2, null),
            ConsumerBenchRaw.baselineLine(1024, 2, 849.04),
            ConsumerBenchRaw.baselineLine(1024, 3, null)));
        assertEquals(List.of(new ConsumerBench.Run(BASELINE_CELL, "kafka", 2, result)), read.runs());
        assertEquals(List.of(849.0), read.baselineMbPerSec());
    }

    @Test
    void shouldNameALineThatIsNotARawLine() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ConsumerBenchRaw.read(List.of("sluice\t1024\tnone")));
        assertTrue(e.getMessage().contains("not a consumer-bench raw line: sluice\t1024\tnone"), e.getMessage());
    }
}
