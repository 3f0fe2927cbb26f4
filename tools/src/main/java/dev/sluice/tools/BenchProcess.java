package dev.sluice.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured tool ({@code bin/producer-perf}, {@code bin/consumer-perf}, ...) as its own process
 * for a benchmark driver, with its output captured, and reports how it ended.
 *
 * @param finished whether it exited before the timeout (a late run is killed)
 * @param exitCode its exit code, -1 when killed
 * @param output   stdout and stderr, interleaved
 */
record BenchProcess(boolean finished, int exitCode, String output) {
    /** Whether it exited on time with code 0. */
    boolean succeeded() {
        return finished && exitCode == 0;
    }

    /**
     * Runs {@code command} to completion, at most {@code timeoutSeconds}. The driver's own JVM options
     * ({@code SLUICE_JAVA_OPTS}) are not passed on, so the measured tools run with their defaults.
     */
    static BenchProcess run(final List<String> command, final long timeoutSeconds)
        throws IOException, InterruptedException {
        final Path log = Files.createTempFile("bench-run", ".log");
        try {
            final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().remove("SLUICE_JAVA_OPTS");
            final Process p = pb.start();
            final boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            return new BenchProcess(finished, finished ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
