package dev.sluice.tools;

import dev.sluice.broker.MockBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** producer-perf's --warmup-records against the Sluice broker, with both clients. */
class ProducerPerfWarmupTest {
    private static MockBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = MockBroker.builder().config("num.partitions", "2").build().start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "--client {0}")
    @ValueSource(strings = {"sluice", "kafka"})
    void shouldSendTheWarmupRecordsButMeasureOnlyTheRest(final String client) throws Exception {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final ProducerPerf.Options options = ProducerPerf.parse(new String[] {
            "--topic", "warmup-" + client, "--num-records", "3000", "--warmup-records", "1000", "--record-size", "100",
            "--throughput", "-1", "--producer-props", "bootstrap.servers=" + broker.bootstrapServers(), "linger.ms=5",
            "--client", client});
        final ProducerPerf.Result result = ProducerPerf.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8));
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, result.errors(), out);
        assertEquals(2000, result.records(), out);
        assertTrue(out.contains("2000 records sent"), out);
        final long stored = broker.logs().partition("warmup-" + client, 0).logEndOffset()
            + broker.logs().partition("warmup-" + client, 1).logEndOffset();
        assertEquals(3000, stored, "the warm-up records were sent too");
    }
}
