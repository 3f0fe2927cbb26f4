package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * kcat (librdkafka 2.x), a second independent client: metadata, produce and consume. Skipped
 * only when kcat is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KcatInteropTest {
    private static final int LINES = 500;

    private MockBroker broker;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(kcatInstalled(), "kcat is not installed");
        broker = MockBroker.builder().config("num.partitions", "3").build().start();
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldProduceAndConsumeLinesWithKcat() throws Exception {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add("line-" + i);
        }
        final Result produced = kcat(String.join("\n", lines) + "\n", "-P", "-t", "kcat-lines");
        assertEquals(0, produced.exit(), produced.output());

        final Result consumed = kcat("", "-C", "-t", "kcat-lines", "-o", "beginning", "-e", "-q");
        assertEquals(0, consumed.exit(), consumed.output());
        final List<String> got = new ArrayList<>(Arrays.asList(consumed.output().strip().split("\n")));
        got.sort(null);
        lines.sort(null);
        assertEquals(lines, got);
    }

    @Test
    void shouldListMetadataWithKcat() throws Exception {
        assertEquals(0, kcat("x\n", "-P", "-t", "kcat-listed").exit());
        final Result listed = kcat("", "-L");
        assertEquals(0, listed.exit(), listed.output());
        assertTrue(listed.output().contains("1 brokers"), listed.output());
        assertTrue(listed.output().contains("broker 0 at 127.0.0.1:" + broker.port()), listed.output());
        assertTrue(listed.output().contains("topic \"kcat-listed\" with 3 partitions"), listed.output());
    }

    private record Result(int exit, String output) {
    }

    private Result kcat(final String input, final String... args) throws Exception {
        final List<String> command = new ArrayList<>(List.of("kcat", "-b", broker.bootstrapServers()));
        command.addAll(Arrays.asList(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        final byte[] out = process.getInputStream().readAllBytes();
        final byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kcat did not finish");
        final String stderr = new String(err, StandardCharsets.UTF_8);
        final String stdout = new String(out, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), process.exitValue() == 0 ? stdout : stdout + stderr);
    }

    private static boolean kcatInstalled() {
        try {
            return new ProcessBuilder("kcat", "-V").start().waitFor(10, TimeUnit.SECONDS);
        } catch (final IOException | InterruptedException e) {
            return false;
        }
    }
}
