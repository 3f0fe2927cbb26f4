package dev.sluice.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithApacheKafka
class ApacheKafkaExtensionTest {
    private static ApacheKafkaBroker fromBeforeAll;

    @BeforeAll
    static void capture(final ApacheKafkaBroker kafka) {
        fromBeforeAll = kafka;
    }

    @Test
    void shouldInjectOneRunningBrokerIntoBeforeAllAndTests(final ApacheKafkaBroker kafka) throws Exception {
        assertSame(fromBeforeAll, kafka);
        assertTrue(kafka.isRunning());
        // A topic can be created, so the broker is up and serving, not just forked.
        Topics.create(kafka, "extension", 1);
    }
}
