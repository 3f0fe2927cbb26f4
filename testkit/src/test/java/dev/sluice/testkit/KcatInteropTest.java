package dev.sluice.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@WithApacheKafka
class KcatInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void requireKcat() {
        assumeTrue(Kcat.isAvailable(), "kcat is not installed (.ci/run installs it)");
    }

    @Test
    void shouldConsumeWithKcatTheLinesKcatProduced(final ApacheKafkaBroker kafka) throws Exception {
        final String topic = Topics.create(kafka, "kcat", 1);
        final List<String> lines = IntStream.range(0, 100).mapToObj(i -> "line " + i + " of kcat interop")
                .collect(Collectors.toList());

        final ProcessResult produced = Kcat.run(String.join("\n", lines) + "\n", TIMEOUT,
                "-P", "-b", kafka.bootstrapServers(), "-t", topic, "-p", "0");
        assertEquals(0, produced.exitCode(), produced::stderrText);

        final ProcessResult consumed = Kcat.run(TIMEOUT,
                "-C", "-b", kafka.bootstrapServers(), "-t", topic, "-p", "0", "-o", "beginning", "-e", "-q");
        assertEquals(0, consumed.exitCode(), consumed::stderrText);
        assertEquals(lines, consumed.stdoutText().lines().collect(Collectors.toList()));
    }

    @Test
    void shouldReturnNonZeroExitCodeInsteadOfThrowingWhenKcatFails() {
        final ProcessResult result = Kcat.run(TIMEOUT, "-X", "no.such.property=1", "-L", "-b", "127.0.0.1:1");
        assertNotEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderrText().contains("no.such.property"), result::toString);
    }
}
