package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTableTest {
    private static final ProducerBench.Cell CELL = new ProducerBench.Cell("kafka", 100, 5, "lz4");

    private static LatencyBench.Run run(final ProducerBench.Cell cell, final String client, final int round,
                                        final long asked, final double rate, final long p50, final long p99,
                                        final long p999, final double cpu) {
        return new LatencyBench.Run(cell, client, round, asked,
            new PerfSummary(1000, rate, rate / 10000, 1.0, p999, p50, p99, p99, p999, cpu));
    }

    @Test
    void shouldShowTheAskedRateBesideTheUnthrottledRunAndMediansOfEachClient() {
        final String md = LatencyTable.markdown(List.of(
            run(CELL, "kafka", 0, LatencyBenchRaw.UNTHROTTLED, 300_000, 50, 200, 300, 5.0),
            run(CELL, "sluice", 1, 150_000, 149_000, 1, 8, 20, 3.0),
            run(CELL, "kafka", 1, 150_000, 148_000, 2, 20, 40, 6.0),
            run(CELL, "sluice", 2, 150_000, 147_000, 3, 12, 30, 2.0),
            run(CELL, "kafka", 2, 150_000, 146_000, 4, 10, 50, 4.0)), 1);
        // medians: sluice 148000 rec/s, 2/10/25 ms, cpu 2.5; kafka 147000 rec/s, 3/15/45 ms, cpu 5.0
        assertTrue(md.contains("| kafka | 100 | 5 | lz4 | 2 | 300000 | 150000 | 148000 | 147000 | 2/10/25 | 3/15/45"
            + " | 0.67 | 2.50 | 5.00 | 0.50 | lower |"), md);
        assertTrue(md.contains("1 of 1 cells with a verdict (kafka broker 1 of 1); 0 cells without one"), md);
    }

    @Test
    void shouldCountAP99WithinTheToleranceAsNoWorseAndBeyondItAsWorse() {
        final ProducerBench.Cell other = new ProducerBench.Cell("sluice", 1024, 0, "none");
        final String md = LatencyTable.markdown(List.of(
            run(CELL, "sluice", 1, 40_000, 40_000, 0, 3, 5, 1.0), run(CELL, "kafka", 1, 40_000, 40_000, 0, 2, 5, 1.0),
            run(other, "sluice", 1, 40_000, 40_000, 0, 4, 5, 1.0), run(other, "kafka", 1, 40_000, 40_000, 0, 2, 5, 1.0)),
            1);
        assertTrue(md.contains("| kafka | 100 | 5 | lz4 | 1 | - | 40000 |"), "a fixed rate has no unthrottled run:\n" + md);
        assertTrue(md.contains("| 1.50 | 1.00 | 1.00 | 1.00 | equal within tolerance |"), md);
        assertTrue(md.contains("| 2.00 | 1.00 | 1.00 | 1.00 | worse |"), md);
        assertTrue(md.contains("p99 + 1 ms): 1 of 2 cells with a verdict (kafka broker 1 of 1, sluice broker 0 of 1)"),
            md);
    }

    @Test
    void shouldGiveNoVerdictWhenAClientFellShortOfTheAskedRate() {
        final String md = LatencyTable.markdown(List.of(
            run(CELL, "sluice", 1, 100_000, 99_000, 0, 50, 60, 1.0),
            run(CELL, "kafka", 1, 100_000, 80_000, 0, 900, 990, 1.0)), 1);
        assertTrue(md.contains("| no verdict: kafka-clients below rate |"), md);
        assertTrue(md.contains("0 of 0 cells with a verdict (kafka broker 0 of 0); 1 cells without one"), md);
    }

    @Test
    void shouldSkipACellWithOneClientMissingAndPrintNoRatioForAZeroP99() {
        final ProducerBench.Cell lonely = new ProducerBench.Cell("sluice", 1024, 50, "zstd");
        final String md = LatencyTable.markdown(List.of(
            run(CELL, "sluice", 1, 1000, 1000, 0, 0, 1, 1.0), run(CELL, "kafka", 1, 1000, 1000, 0, 0, 1, 1.0),
            run(lonely, "sluice", 1, 1000, 1000, 0, 0, 1, 1.0)), 0);
        assertTrue(md.contains("| 0/0/1 | 0/0/1 | - |"), md);
        assertFalse(md.contains("| sluice | 1024 |"), md);
    }

    @Test
    void shouldJudgeEachCombinationOfReachedRatesAndP99s() {
        assertEquals(LatencyTable.Verdict.LOWER, LatencyTable.verdict(true, true, 5, 7, 1));
        assertEquals(LatencyTable.Verdict.EQUAL, LatencyTable.verdict(true, true, 6, 7, 1));
        assertEquals(LatencyTable.Verdict.EQUAL, LatencyTable.verdict(true, true, 8, 7, 1));
        assertEquals(LatencyTable.Verdict.WORSE, LatencyTable.verdict(true, true, 9, 7, 1));
        assertEquals(LatencyTable.Verdict.WORSE, LatencyTable.verdict(true, true, 8, 7, 0));
        assertEquals(LatencyTable.Verdict.SLUICE_SHORT, LatencyTable.verdict(false, true, 1, 7, 1));
        assertEquals(LatencyTable.Verdict.KAFKA_SHORT, LatencyTable.verdict(true, false, 9, 7, 1));
        assertEquals(LatencyTable.Verdict.BOTH_SHORT, LatencyTable.verdict(false, false, 9, 7, 1));
    }

    @Test
    void shouldReadBackTheRunsItsRawLinesRecordAndSkipFailedOnes() {
        final PerfSummary s = new PerfSummary(500000, 99000.5, 9.44, 1.2, 30, 0, 2, 9, 20, 3.25);
        final List<LatencyBench.Run> runs = LatencyBenchRaw.read(List.of(
            LatencyBenchRaw.line(CELL, "kafka", 0, LatencyBenchRaw.UNTHROTTLED, s),
            LatencyBenchRaw.line(CELL, "sluice", 1, 100_000, s),
            LatencyBenchRaw.line(CELL, "kafka", 1, 100_000, null), ""));
        assertEquals(List.of(new LatencyBench.Run(CELL, "kafka", 0, LatencyBenchRaw.UNTHROTTLED, s),
            new LatencyBench.Run(CELL, "sluice", 1, 100_000, s)), runs);
    }

    @Test
    void shouldNameARawLineItCannotRead() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> LatencyBenchRaw.read(List.of("kafka\t100\t5\tlz4\tsluice\t1\tfast\tFAILED")));
        assertTrue(e.getMessage().contains("fast"), e.getMessage());
    }
}
