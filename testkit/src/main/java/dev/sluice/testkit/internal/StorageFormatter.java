package dev.sluice.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Formats an empty KRaft log directory with Kafka's own storage tool, in this JVM.
 *
 * <p>In-process because a second child JVM would add a JVM start-up (about a second and a half on
 * two cores) to every broker start; {@code StorageTool.execute} (unlike its {@code main}) returns
 * a status instead of calling {@code System.exit}, so it is safe to call here. The directory must
 * be listed in {@code log.dirs} of the given properties file; with a static
 * {@code controller.quorum.voters} no {@code --standalone} flag is needed.
 */
public final class StorageFormatter {
    private StorageFormatter() {
    }

    /**
     * Runs {@code kafka-storage format --cluster-id <id> --config <file>}.
     *
     * @return what the tool printed
     * @throws IllegalStateException carrying the tool's output if it reports a failure
     */
    public static String format(final Path serverProperties, final String clusterId) {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final String[] args = {"format", "--cluster-id", clusterId, "--config", serverProperties.toString()};
        final int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = kafka.tools.StorageTool.execute(args, print);
        } catch (final RuntimeException e) {
            // The tool reports bad configuration as TerseFailure / FormatterException.
            throw new IllegalStateException("kafka-storage format failed: " + e.getMessage() + "; output: "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        final String printed = output.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException("kafka-storage format exited with status " + status + ": " + printed);
        }
        return printed;
    }
}
