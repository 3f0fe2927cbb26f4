package dev.sluice.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolArgumentsTest {
    @Test
    void shouldParseKafkaStyleProducerPerfFlags() throws Exception {
        final ProducerPerf.Options o = ProducerPerf.parse(new String[] {
            "--topic", "t", "--num-records", "10", "--record-size", "5", "--throughput", "100",
            "--producer-props", "bootstrap.servers=h:1", "acks=1", "--client", "kafka"});
        assertEquals("t", o.topic());
        assertEquals(10, o.numRecords());
        assertEquals(100.0, o.throughput());
        assertEquals("1", o.producerProps().getProperty("acks"));
        assertEquals("kafka", o.client());
    }

    @Test
    void shouldRejectBothRecordSizeAndPayloadFile() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProducerPerf.parse(
            new String[] {"--topic", "t", "--num-records", "1", "--record-size", "5", "--payload-file", "x",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1"}));
        assertTrue(e.getMessage().contains("--record-size"), e.getMessage());
    }

    @Test
    void shouldNameTheMissingFlag() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProducerPerf.parse(
            new String[] {"--num-records", "1", "--record-size", "5", "--throughput", "-1"}));
        assertTrue(e.getMessage().contains("--topic"), e.getMessage());
    }

    @Test
    void shouldRejectAWarmupThatIsNegativeOrCoversEveryRecord() throws Exception {
        for (final String warmup : new String[] {"-1", "ten", "10"}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProducerPerf.parse(
                new String[] {"--topic", "t", "--num-records", "10", "--record-size", "5", "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=h:1", "--warmup-records", warmup}));
            assertTrue(e.getMessage().startsWith("--warmup-records"), e.getMessage());
        }
        assertEquals(9, parseWithWarmup("9").warmupRecords());
        assertEquals(0, parseWithWarmup("0").warmupRecords());
    }

    private static ProducerPerf.Options parseWithWarmup(final String warmup) throws Exception {
        return ProducerPerf.parse(new String[] {"--topic", "t", "--num-records", "10", "--record-size", "5",
            "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1", "--warmup-records", warmup});
    }

    @Test
    void shouldRejectUnknownClient() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProducerPerf.parse(
            new String[] {"--topic", "t", "--num-records", "1", "--record-size", "5", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=h:1", "--client", "other"}));
        assertTrue(e.getMessage().contains("--client"), e.getMessage());
    }

    @Test
    void shouldRequireBootstrapServerForConsoleProducer() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ConsoleProducer.parse(new String[] {"--topic", "t"}));
        assertTrue(e.getMessage().contains("--bootstrap-server"), e.getMessage());
    }

    @Test
    void shouldRejectPropertyWithoutEquals() {
        assertThrows(IllegalArgumentException.class, () -> ConsoleProducer.parse(
            new String[] {"--topic", "t", "--bootstrap-server", "h:1", "--producer-property", "acks"}));
    }
}
