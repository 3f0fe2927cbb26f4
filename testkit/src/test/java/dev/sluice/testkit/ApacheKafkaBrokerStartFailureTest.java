package dev.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApacheKafkaBrokerStartFailureTest {

    @Test
    void shouldReportChildLogWhenChildJvmExitsBeforeReady() {
        final ApacheKafkaBroker broker = ApacheKafkaBroker.builder().jvmOption("-XX:+NoSuchJvmFlagForSluiceTest").build();
        try (broker) {
            final ApacheKafkaStartException e = assertThrows(ApacheKafkaStartException.class, broker::start);
            assertTrue(e.getMessage().contains("exited with status"), e.getMessage());
            assertTrue(e.getMessage().contains(broker.logFile().toString()), e.getMessage());
            // The tail of the child's output is quoted, so the cause is visible without opening the file.
            assertTrue(e.getMessage().contains("NoSuchJvmFlagForSluiceTest"), e.getMessage());
            assertFalse(broker.isRunning());
        }
        assertFalse(Files.exists(broker.dataDir()), "close() must delete the data directory");
    }

    @Test
    void shouldNameBrokerPropertyWhenKafkaRejectsItsValue() {
        try (ApacheKafkaBroker broker = ApacheKafkaBroker.builder().config("num.io.threads", "many").build()) {
            final ApacheKafkaStartException e = assertThrows(ApacheKafkaStartException.class, broker::start);
            assertTrue(e.getMessage().contains("num.io.threads"), e.getMessage());
            assertTrue(e.getMessage().contains(broker.logFile().toString()), e.getMessage());
        }
    }

    @Test
    void shouldRejectBadBuilderValuesNamingTheSetting() {
        final ApacheKafkaBroker.Builder builder = ApacheKafkaBroker.builder();
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> builder.config("node.id", "2")), "'node.id'");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> builder.config(" ", "x")), "blank");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> builder.logLevel("loud")), "logLevel");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> builder.jvmOption("Xmx1g")), "'-'");
        assertMessageContains(assertThrows(IllegalArgumentException.class,
                () -> builder.startTimeout(Duration.ZERO)), "startTimeout");
    }

    @Test
    void shouldRefuseToStartAfterClose() {
        final ApacheKafkaBroker broker = ApacheKafkaBroker.builder().build();
        broker.close();
        assertMessageContains(assertThrows(IllegalStateException.class, broker::start), "closed");
    }

    private static void assertMessageContains(final Exception e, final String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
