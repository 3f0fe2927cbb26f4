package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTableTest {
    private static final ProducerBench.Cell CELL = new ProducerBench.Cell("kafka", 100, 5, "lz4");

    private static ProducerBench.Run run(final String client, final int round, final double rate, final long p99,
                                         final double cpu) {
        return new ProducerBench.Run(CELL, client, round,
            new PerfSummary(1000, rate, rate / 10000, 1.0, p99, 1, p99, p99, p99, cpu));
    }

    @Test
    void shouldTakeTheMedianOfEachClientsRoundsAndDivideSluiceByKafka() {
        final String md = BenchTable.markdown(List.of(
            run("sluice", 1, 300_000, 9, 1.0), run("kafka", 1, 100_000, 20, 4.0),
            run("sluice", 2, 200_000, 30, 2.0), run("kafka", 2, 120_000, 10, 5.0),
            run("sluice", 3, 900_000, 10, 9.0), run("kafka", 3, 150_000, 15, 6.0)));
        // medians: sluice 300000 rec/s, p99 10, cpu 2.0; kafka 120000 rec/s, p99 15, cpu 5.0
        assertTrue(md.contains("| kafka | 100 | 5 | lz4 | 3 | 300000 | 120000 | 2.50 |"), md);
        assertTrue(md.contains("| 2.00 | 5.00 | 0.40 |"), md);
        assertTrue(md.contains("Targets met in 1 cells: throughput >= 1.5x in 1, CPU per record <= 0.5x in 1,"
            + " p99 no worse in 1."), md);
    }

    @Test
    void shouldCountAMissedTargetAndSkipACellWithOneClientMissing() {
        final ProducerBench.Cell other = new ProducerBench.Cell("sluice", 1024, 0, "none");
        final String md = BenchTable.markdown(List.of(
            run("sluice", 1, 140_000, 40, 3.0), run("kafka", 1, 100_000, 20, 4.0),
            new ProducerBench.Run(other, "sluice", 1, new PerfSummary(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))));
        assertTrue(md.contains("Targets met in 1 cells: throughput >= 1.5x in 0, CPU per record <= 0.5x in 0,"
            + " p99 no worse in 0."), md);
        assertTrue(!md.contains("| sluice | 1024 |"), md);
    }

    @Test
    void shouldAverageTheMiddleTwoOfAnEvenCount() {
        assertEquals(2.5, BenchTable.median(List.of(
            new PerfSummary(1, 1, 1, 1, 1, 1, 1, 1, 1, 4.0), new PerfSummary(1, 1, 1, 1, 1, 1, 1, 1, 1, 1.0),
            new PerfSummary(1, 1, 1, 1, 1, 1, 1, 1, 1, 2.0), new PerfSummary(1, 1, 1, 1, 1, 1, 1, 1, 1, 3.0)),
            PerfSummary::cpuUsPerRecord));
    }
}
