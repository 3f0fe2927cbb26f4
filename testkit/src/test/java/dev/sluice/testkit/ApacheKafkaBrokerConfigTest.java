package dev.sluice.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApacheKafkaBrokerConfigTest {

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
    void shouldWriteSingleNodeAndBuilderSettingsIntoServerProperties() throws Exception {
        try (ApacheKafkaBroker broker = ApacheKafkaBroker.builder().config("num.partitions", "8")
                .autoCreateTopics(false).build()) {
            final Properties written = new Properties();
            try (var in = Files.newInputStream(broker.logFile().resolveSibling("server.properties"))) {
                written.load(in);
            }
            assertEquals("8", written.getProperty("num.partitions"));
            assertEquals("false", written.getProperty("auto.create.topics.enable"));
            assertEquals("1", written.getProperty("offsets.topic.replication.factor"));
            assertEquals("0", written.getProperty("group.initial.rebalance.delay.ms"));
            assertEquals("PLAINTEXT://" + broker.bootstrapServers() + ",CONTROLLER://127.0.0.1:" + broker.controllerPort(),
                    written.getProperty("listeners"));
            assertEquals(broker.dataDir().toString(), written.getProperty("log.dirs"));
            assertNotEquals(broker.port(), broker.controllerPort());
        }
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
