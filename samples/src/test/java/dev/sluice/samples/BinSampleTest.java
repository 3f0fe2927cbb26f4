package dev.sluice.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/sample refuses names it does not know before building anything, listing the ones it does. */
class BinSampleTest {
    private static final Path SCRIPT = Path.of(System.getProperty("basedir", "."), "..", "bin", "sample");
    private static final List<String> SAMPLES = List.of("hello", "linger", "compression", "rebalance", "codec");

    private static Result run(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bin/sample ended");
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }

    @Test
    void shouldExitWithTwoAndListEverySampleForAnUnknownName() throws Exception {
        final Result result = run("no-such-sample");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("unknown sample: no-such-sample\n"), result.output());
        for (final String name : SAMPLES) {
            assertTrue(result.output().contains("\n  " + name + " "), name + " listed in " + result.output());
        }
    }

    @Test
    void shouldExitWithTwoAndListEverySampleWithoutAName() throws Exception {
        final Result result = run();

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("usage: bin/sample NAME"), result.output());
    }
}
