package dev.sluice.samples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.samples.support.PrintedTable;
import dev.sluice.samples.support.ProgramRun;
import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.WithApacheKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bin/quickstart --bootstrap-server} pointed at a real Apache Kafka 4.1 broker. */
@WithApacheKafka
class QuickstartKafkaTest {
    @Test
    void shouldVerifyEveryEventThroughAnApacheKafkaBroker(final ApacheKafkaBroker kafka) {
        final ProgramRun run = ProgramRun.of(Quickstart::run, "--records", "2000", "--compression-type", "lz4",
            "--bootstrap-server", kafka.bootstrapServers(), "--topic", "quickstart-on-kafka");
        assertEquals(0, run.exitCode(), run.transcript());
        final Map<String, String> verification = PrintedTable.find(run.out(), "measure").rows().stream()
            .filter(row -> row.get("measure").equals("verification")).findFirst().orElseThrow();
        assertEquals("passed: 2,000 of 2,000 events read back once, byte for byte", verification.get("value"));
        assertTrue(run.out().contains("the cluster at " + kafka.bootstrapServers()), run.transcript());
    }
}
