package dev.sluice.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.broker.MockBroker;
import dev.sluice.broker.MockBrokerExtension;
import dev.sluice.broker.log.PartitionLog;
import dev.sluice.samples.support.PrintedTable;
import dev.sluice.samples.support.ProgramRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuickstartTest {
    /** The "existing cluster" for --bootstrap-server; groups of one member need no initial rebalance delay. */
    @RegisterExtension
    static final MockBrokerExtension EXTERNAL = new MockBrokerExtension().config("group.initial.rebalance.delay.ms", "0");

    private static ProgramRun quickstart(final String... args) {
        return ProgramRun.of(Quickstart::run, args);
    }

    /** The printed "measure / value" table as measure to value. */
    private static Map<String, String> measures(final ProgramRun run) {
        final Map<String, String> values = new LinkedHashMap<>();
        PrintedTable.find(run.out(), "measure").rows().forEach(row -> values.put(row.get("measure"), row.get("value")));
        return values;
    }

    @Test
    void shouldProduceConsumeAndVerifyEveryEventOnItsEmbeddedBroker() {
        final ProgramRun run = quickstart("--records", "3000");
        assertEquals(0, run.exitCode(), run.transcript());
        final Map<String, String> measures = measures(run);
        assertEquals("passed: 3,000 of 3,000 events read back once, byte for byte", measures.get("verification"));
        assertTrue(PrintedTable.number(measures.get("produce records/s")) > 0, run.transcript());
        assertTrue(PrintedTable.number(measures.get("consume MB/s")) > 0, run.transcript());
        assertTrue(PrintedTable.number(measures.get("average batch size")) > 0, run.transcript());
        assertEquals("1.00", measures.get("compression ratio"), "no compression by default");
        assertTrue(PrintedTable.number(measures.get("produce latency p99"))
            >= PrintedTable.number(measures.get("produce latency p50")), run.transcript());
        assertTrue(run.out().contains("linger.ms=5 batch.size=16384 compression.type=none"), run.transcript());
    }

    @Test
    void shouldShrinkBatchesWhenToldToCompressWithZstd() {
        final ProgramRun run = quickstart("--records", "3000", "--compression-type", "zstd", "--linger-ms", "20",
            "--property", "fetch.min.bytes=1");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(PrintedTable.number(measures(run).get("compression ratio")) > 1.5, run.transcript());
    }

    @Test
    void shouldUseTheClusterGivenByBootstrapServer(final MockBroker broker) {
        final ProgramRun run = quickstart("--records", "2000", "--bootstrap-server", broker.bootstrapServers(),
            "--topic", "quickstart-external");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("the cluster at " + broker.bootstrapServers()), run.transcript());
        final long stored = broker.logs().partitions().stream().filter(log -> log.topic().equals("quickstart-external"))
            .mapToLong(PartitionLog::logEndOffset).sum();
        assertEquals(2000, stored, "the events went to the test's broker");
    }

    @Test
    void shouldVerifyOnlyItsOwnEventsInATopicHoldingOlderOnes(final MockBroker broker) {
        final String[] args = {"--records", "1500", "--bootstrap-server", broker.bootstrapServers(),
            "--topic", "quickstart-reused"};
        assertEquals(0, quickstart(args).exitCode());
        final ProgramRun second = quickstart(args);
        assertEquals(0, second.exitCode(), second.transcript());
        assertEquals("passed: 1,500 of 1,500 events read back once, byte for byte", measures(second).get("verification"));
    }

    @Test
    void shouldExitWithTwoNamingAnUnknownFlag() {
        final ProgramRun run = quickstart("--recrods", "10");
        assertEquals(2, run.exitCode());
        assertEquals("quickstart: unknown option '--recrods' (see --help)\n", run.err());
    }

    @Test
    void shouldExitWithTwoNamingTheFlagWithABadValue() {
        final ProgramRun codec = quickstart("--compression-type", "zip");
        assertEquals(2, codec.exitCode());
        assertTrue(codec.err().startsWith("quickstart: --compression-type: "), codec.err());
        assertTrue(codec.err().contains("zip"), codec.err());

        final ProgramRun records = quickstart("--records", "many");
        assertEquals(2, records.exitCode());
        assertEquals("quickstart: option --records must be a whole number, not 'many'\n", records.err());

        final ProgramRun linger = quickstart("--linger-ms", "-1");
        assertEquals(2, linger.exitCode());
        assertTrue(linger.err().startsWith("quickstart: --linger-ms: "), linger.err());
    }

    @Test
    void shouldExitWithTwoNamingAPropertyNoClientKnows() {
        final ProgramRun run = quickstart("--property", "linger.msec=5");
        assertEquals(2, run.exitCode());
        assertEquals("quickstart: --property linger.msec: not a producer or consumer setting\n", run.err());
        final ProgramRun badValue = quickstart("--property", "fetch.min.bytes=lots");
        assertEquals(2, badValue.exitCode());
        assertTrue(badValue.err().contains("fetch.min.bytes"), badValue.err());
    }

    @Test
    void shouldExitWithTwoNamingAMalformedBootstrapServer() {
        final ProgramRun run = quickstart("--bootstrap-server", "localhost");
        assertEquals(2, run.exitCode());
        assertEquals("quickstart: --bootstrap-server: 'localhost' is not of the form host:port\n", run.err());
    }

    @Test
    void shouldFailAtOnceWhenNoBrokerListensAtTheBootstrapServer() throws IOException {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        final ProgramRun run = quickstart("--bootstrap-server", "127.0.0.1:" + closedPort, "--records", "10");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("quickstart: no broker accepts connections at 127.0.0.1:" + closedPort),
            run.transcript());
    }

    @Test
    void shouldRefusePartitionsForAnExternalCluster() {
        final ProgramRun run = quickstart("--bootstrap-server", "127.0.0.1:9", "--partitions", "3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--partitions"), run.err());
    }

    @Test
    void shouldPrintUsageForHelp() {
        final ProgramRun run = quickstart("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: bin/quickstart"), run.out());
        assertTrue(run.out().contains("--bootstrap-server"), run.out());
    }
}
