package dev.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsers against output in the shape the 4.1 tools print (format strings of the tools). */
class PerfResultParsingTest {

    @Test
    void shouldParseProducerSummaryAfterProgressLines() {
        final String stdout = String.join("\n",
                "49857 records sent, 9971.4 records/sec (0.95 MB/sec), 3.1 ms avg latency, 211.0 ms max latency.",
                "100000 records sent, 10512.3 records/sec (1.00 MB/sec), 2.75 ms avg latency, 211.00 ms max latency,"
                        + " 2 ms 50th, 6 ms 95th, 12 ms 99th, 150 ms 99.9th.",
                "");
        final ProducerPerfResult result = ProducerPerfResult.parse(stdout).orElseThrow();
        assertEquals(new ProducerPerfResult(100_000, 10512.3, 1.00, 2.75, 211.00, 2, 6, 12, 150), result);
    }

    @Test
    void shouldFindNoProducerSummaryInProgressLinesOnly() {
        final Optional<ProducerPerfResult> result = ProducerPerfResult.parse(
                "49857 records sent, 9971.4 records/sec (0.95 MB/sec), 3.1 ms avg latency, 211.0 ms max latency.\n");
        assertTrue(result.isEmpty(), result::toString);
    }

    @Test
    void shouldParseConsumerSummaryUnderItsHeader() {
        final String stdout = String.join("\n",
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,"
                        + " fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-22 02:30:00:123, 2026-11-22 02:30:02:123, 0.9537, 0.4768, 10000, 5000.0000, 512, 1488,"
                        + " 0.6409, 6720.4301",
                "");
        final ConsumerPerfResult result = ConsumerPerfResult.parse(stdout).orElseThrow();
        assertEquals(new ConsumerPerfResult(0.9537, 0.4768, 10_000, 5000.0, 512, 1488, 0.6409, 6720.4301), result);
    }

    @Test
    void shouldParseConsumerSummaryWhoseDateFormatContainsCommas() {
        final ConsumerPerfResult result = ConsumerPerfResult.parse(
                "Sun, 22 Nov, Sun, 22 Nov, 1.0, 2.0, 3, 4.0, 5, 6, 7.0, 8.0").orElseThrow();
        assertEquals(3, result.records());
        assertEquals(8.0, result.fetchRecordsPerSec());
    }

    @Test
    void shouldFindNoConsumerSummaryInHeaderOnly() {
        assertTrue(ConsumerPerfResult.parse("start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,"
                + " nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n").isEmpty());
    }
}
