package dev.sluice.samples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.broker.MockBroker;
import dev.sluice.broker.MockBrokerExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The produce and consume phases against a real broker, checked by a verifier that expects other data. */
class LoadRunTest {
    @RegisterExtension
    static final MockBrokerExtension BROKER = new MockBrokerExtension().config("num.partitions", "3")
        .config("group.initial.rebalance.delay.ms", "0"); // one-member groups: waiting for others only slows tests

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static ProduceResult produce(final LoadSettings settings) {
        final ProduceResult produced = ProduceRun.run(settings);
        assertEquals(settings.records(), produced.acknowledged());
        assertEquals(3, produced.ranges().snapshot().size(), "keys spread the events over every partition");
        return produced;
    }

    private static LoadSettings settings(final MockBroker broker, final String topic, final int records) {
        return new LoadSettings(broker.bootstrapServers(), topic, records, 1, Map.of("linger.ms", 10), Map.of(), QUIET);
    }

    @Test
    void shouldFindEveryEventAlteredWhenTheVerifierExpectsAnotherStream(final MockBroker broker) {
        final LoadSettings settings = settings(broker, "load-other-seed", 500);
        final ProduceResult produced = produce(settings);
        final ConsumeResult consumed = ConsumeRun.run(settings, produced.ranges(), new EventVerifier(2, 500));
        assertEquals(500, consumed.records());
        assertFalse(consumed.verification().passed());
        assertEquals(500, consumed.verification().altered());
    }

    @Test
    void shouldFindTheEventsThatWereNeverProduced(final MockBroker broker) {
        final LoadSettings settings = settings(broker, "load-short", 400);
        final ProduceResult produced = produce(settings);
        final ConsumeResult consumed = ConsumeRun.run(settings, produced.ranges(), new EventVerifier(1, 450));
        assertEquals(50, consumed.verification().missing());
        assertEquals(400, consumed.verification().firstMissing());
        assertTrue(consumed.verification().summary().startsWith("FAILED: 50 missing"), consumed.verification().summary());
    }

    @Test
    void shouldPassAndMeasureBothPhasesWhenNothingIsWrong(final MockBroker broker) {
        final LoadResult result = LoadRun.run(settings(broker, "load-clean", 300));
        assertTrue(result.passed(), result.summary());
        assertTrue(result.produce().payloadBytes() > 300 * 180, "ShopEvents are 180 bytes or more each");
        assertEquals(result.produce().payloadBytes(), result.consume().payloadBytes());
        assertEquals(300, result.produce().latencyMicros().getTotalCount());
        assertEquals(1.0, result.produce().stats().compressionRatio());
    }
}
