package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerfSummaryTest {
    @Test
    void shouldReadBackEveryFieldOfTheFinalLineItFormats() {
        final PerfSummary written = new PerfSummary(500000, 151234.5, 14.42, 12.3, 95, 9, 40, 61, 80, 3.41);
        final PerfSummary read = PerfSummary.find(written.format()).orElseThrow();
        assertEquals(written, read);
    }

    @Test
    void shouldKeepKafkasSentenceIntactAndAppendCpuPerRecord() {
        final String line = new PerfSummary(10, 5.0, 0.01, 1.5, 3, 1, 2, 3, 3, 12.345).format();
        assertEquals("10 records sent, 5.0 records/sec (0.01 MB/sec), 1.5 ms avg latency, 3.0 ms max latency,"
            + " 1 ms 50th, 2 ms 95th, 3 ms 99th, 3 ms 99.9th. 12.35 cpu-us/record.", line);
    }

    @Test
    void shouldFindTheFinalLineAmongProgressLinesAndWarnings() {
        final String output = "tools: building with Maven...\n"
            + "120000 records sent, 24000.0 records/sec (2.29 MB/sec), 40.1 ms avg latency, 90.0 ms max latency.\n"
            + "200000 records sent, 33000.0 records/sec (3.15 MB/sec), 30.5 ms avg latency, 91.0 ms max latency,"
            + " 20 ms 50th, 70 ms 95th, 85 ms 99th, 90 ms 99.9th. 7.25 cpu-us/record.\n";
        final PerfSummary summary = PerfSummary.find(output).orElseThrow();
        assertEquals(200000, summary.records());
        assertEquals(33000.0, summary.recordsPerSec());
        assertEquals(85, summary.p99());
        assertEquals(7.25, summary.cpuUsPerRecord());
    }

    @Test
    void shouldFindNothingWhenTheRunStoppedBeforeItsFinalLine() {
        final String output = "send failed: org.apache.kafka.common.errors.TimeoutException\n"
            + "1000 records sent, 100.0 records/sec (0.01 MB/sec), 40.1 ms avg latency, 90.0 ms max latency.\n";
        assertEquals(Optional.empty(), PerfSummary.find(output));
    }

    @Test
    void shouldChargeCpuPerRecordOnlyWhenBothReadingsAndRecordsExist() {
        assertEquals(2.5, ProcessCpuClock.microsPerRecord(1_000_000, 6_000_000, 2000));
        assertTrue(Double.isNaN(ProcessCpuClock.microsPerRecord(-1, 6_000_000, 2000)));
        assertTrue(Double.isNaN(ProcessCpuClock.microsPerRecord(1_000_000, 6_000_000, 0)));
    }

    @Test
    void shouldReadAProcessCpuClockThatAdvancesWithWork() {
        final long before = ProcessCpuClock.cpuNanos();
        long sink = 0;
        for (int i = 0; i < 50_000_000; i++) {
            sink += i ^ (sink >>> 3);
        }
        final long after = ProcessCpuClock.cpuNanos();
        assertTrue(before >= 0, "HotSpot reports process CPU time");
        assertTrue(after > before, "burning CPU advanced the clock (sink " + sink + ")");
    }
}
