package dev.sluice.testkit.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the child broker JVM: formats the log directory with Kafka's storage tool, then
 * runs {@code kafka.Kafka} in the same JVM.
 *
 * <p>Formatting here rather than in the test JVM or a JVM of its own is about start-up time: the
 * storage tool loads most of the classes the broker needs next (Scala, {@code KafkaConfig}, the
 * metadata records), and on the two-core build machine under load that loading took 1 to 6 s when
 * done in the test JVM, on top of the broker's own. {@code --ignore-formatted} makes it a no-op
 * on restarts. {@code StorageTool.execute} returns a status instead of calling
 * {@code System.exit}, and reports bad configuration by throwing.
 *
 * <p>Usage: {@code KafkaBrokerMain <cluster id> <server.properties>}.
 */
public final class KafkaBrokerMain {
    /** Exit status when formatting fails; the reason is on stdout, i.e. in the broker log. */
    public static final int FORMAT_FAILED_EXIT_STATUS = 78;

    private KafkaBrokerMain() {
    }

    public static void main(final String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KafkaBrokerMain <cluster id> <server.properties>");
        }
        final String clusterId = args[0];
        final String properties = args[1];
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            final int status = kafka.tools.StorageTool.execute(
                    new String[]{"format", "--cluster-id", clusterId, "--config", properties, "--ignore-formatted"}, out);
            if (status != 0) {
                out.println("[sluice-testkit] kafka-storage format exited with status " + status);
                System.exit(FORMAT_FAILED_EXIT_STATUS);
            }
        } catch (final RuntimeException e) {
            out.println("[sluice-testkit] kafka-storage format failed: " + e);
            System.exit(FORMAT_FAILED_EXIT_STATUS);
        }
        kafka.Kafka.main(new String[]{properties});
    }
}
