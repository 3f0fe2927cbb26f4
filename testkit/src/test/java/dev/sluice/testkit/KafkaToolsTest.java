package dev.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithApacheKafka
class KafkaToolsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int RECORDS = 10_000;

    @Test
    void shouldReportProducerAndConsumerPerformanceOfAllRecords(final ApacheKafkaBroker kafka) throws Exception {
        final String topic = Topics.create(kafka, "perf", 2);

        final ProducerPerfResult produced = KafkaTools.producerPerformance(kafka.bootstrapServers(), TIMEOUT,
                "--topic", topic, "--num-records", Integer.toString(RECORDS), "--record-size", "100",
                "--throughput", "-1", "--producer-props", "acks=all", "linger.ms=5");
        System.out.println("ProducerPerformance: " + produced);
        assertEquals(RECORDS, produced.records());
        assertTrue(produced.recordsPerSec() > 0, produced::toString);
        assertTrue(produced.mbPerSec() > 0, produced::toString);
        assertTrue(produced.maxLatencyMs() >= produced.avgLatencyMs(), produced::toString);

        final ConsumerPerfResult consumed = KafkaTools.consumerPerformance(kafka.bootstrapServers(), TIMEOUT,
                "--topic", topic, "--messages", Integer.toString(RECORDS), "--timeout", "60000");
        System.out.println("ConsumerPerformance: " + consumed);
        assertEquals(RECORDS, consumed.records());
        assertTrue(consumed.recordsPerSec() > 0, consumed::toString);
    }

    @Test
    void shouldRejectBootstrapServerInConsumerArgs() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KafkaTools.consumerPerformance("127.0.0.1:1", TIMEOUT, "--bootstrap-server", "x:1"));
        assertTrue(e.getMessage().contains("--bootstrap-server"), e.getMessage());
    }

    @Test
    void shouldFailWithToolOutputWhenToolRejectsItsArguments() {
        final ChildProcessException e = assertThrows(ChildProcessException.class,
                () -> KafkaTools.producerPerformance("127.0.0.1:1", TIMEOUT, "--topic", "t", "--num-records", "0",
                        "--record-size", "10", "--throughput", "-1"));
        assertTrue(e.getMessage().contains("ProducerPerformance exited with status"), e.getMessage());
        assertTrue(e.getMessage().contains("--num-records should be greater than zero"), e.getMessage());
    }
}
