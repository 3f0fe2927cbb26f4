package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing of the command line, and the broker it configures. */
class MockBrokerMainTest {
    @TempDir
    Path dir;

    @Test
    void shouldBuildBrokerFromArguments() throws Exception {
        try (MockBroker broker = MockBrokerMain.parse(new String[] {"--port", "0", "--data-dir", dir.toString(),
                "--config", "num.partitions=3", "--config", "auto.create.topics.enable=false"}).build().start()) {
            assertEquals(dir, broker.dataDir());
            assertTrue(broker.port() > 0);
        }
    }

    @Test
    void shouldRejectUnknownArgumentNamingIt() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockBrokerMain.parse(new String[] {"--prot", "9092"}));
        assertTrue(e.getMessage().contains("--prot"), e.getMessage());
    }

    @Test
    void shouldRejectConfigWithoutEqualsSign() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockBrokerMain.parse(new String[] {"--config", "num.partitions"}));
        assertTrue(e.getMessage().contains("num.partitions"), e.getMessage());
    }

    @Test
    void shouldRejectUnknownOrBadSettingNamingTheKey() {
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MockBrokerMain.parse(new String[] {"--config", "num.partitons=3"}).build());
        assertTrue(unknown.getMessage().contains("num.partitons"), unknown.getMessage());
        final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> MockBrokerMain.parse(new String[] {"--config", "num.partitions=zero"}).build());
        assertTrue(bad.getMessage().contains("num.partitions"), bad.getMessage());
    }
}
