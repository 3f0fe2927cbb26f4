package dev.sluice.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/console-consumer}: prints records of a topic, one per line, as Kafka's console consumer does.
 *
 * <pre>
 * bin/console-consumer --bootstrap-server HOST:PORT --topic T [--group G] [--from-beginning]
 *     [--max-messages N] [--timeout-ms MS] [--property print.key=true] [--property key.separator=:]
 *     [--property print.partition=true] [--property print.offset=true] [--property print.timestamp=true]
 *     [--consumer.config FILE] [--consumer-property k=v] [--client sluice|kafka]
 * </pre>
 *
 * Without {@code --group} every partition is assigned and nothing is committed. Keys and values are
 * printed as UTF-8; a null prints as {@code null}.
 */
public final class ConsoleConsumer {
    private static final Set<String> WITH_VALUE = Set.of("--bootstrap-server", "--topic", "--group", "--max-messages",
        "--timeout-ms", "--property", "--consumer.config", "--consumer-property", "--client");
    private static final Set<String> SWITCHES = Set.of("--from-beginning", "--help");

    private ConsoleConsumer() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        try {
            final ToolArgs opts = ToolArgs.parse(args, WITH_VALUE, SWITCHES);
            if (opts.has("--help")) {
                err.println("Usage: console-consumer --bootstrap-server HOST:PORT --topic T [--group G] "
                    + "[--from-beginning] [--max-messages N] [--property print.key=true] [--property key.separator=:]");
                return 0;
            }
            return consume(opts, out, err);
        } catch (final IllegalArgumentException e) {
            err.println("console-consumer: " + e.getMessage());
            return 1;
        }
    }

    private static int consume(final ToolArgs opts, final PrintStream out, final PrintStream err) {
        final String topic = opts.required("--topic");
        final String group = opts.value("--group", null);
        final long maxMessages = opts.longValue("--max-messages", Long.MAX_VALUE);
        final long timeoutMs = opts.longValue("--timeout-ms", Long.MAX_VALUE);
        final Map<String, String> props = opts.pairs("--property");
        final boolean printKey = Boolean.parseBoolean(props.getOrDefault("print.key", "false"));
        final boolean printPartition = Boolean.parseBoolean(props.getOrDefault("print.partition", "false"));
        final boolean printOffset = Boolean.parseBoolean(props.getOrDefault("print.offset", "false"));
        final boolean printTimestamp = Boolean.parseBoolean(props.getOrDefault("print.timestamp", "false"));
        final String keySeparator = unescape(props.getOrDefault("key.separator", "\t"));
        final Map<String, Object> config = new HashMap<>();
        if (opts.has("--consumer.config")) {
            ToolArgs.loadConfigFile(opts.required("--consumer.config"), config);
        }
        config.putAll(opts.pairs("--consumer-property"));
        config.put("bootstrap.servers", opts.required("--bootstrap-server"));
        config.put("auto.offset.reset", opts.has("--from-beginning") ? "earliest" : "latest");
        if (group != null) {
            config.put("group.id", group);
            // Commit exactly what was printed, not everything fetched: --max-messages may stop mid-poll.
            config.put("enable.auto.commit", "false");
        }
        final Map<Integer, Long> printedUpTo = new HashMap<>();
        long printed = 0;
        try (PerfConsumer consumer = PerfConsumer.create(opts.value("--client", "sluice"), config)) {
            consumer.start(topic, group, () -> { });
            long lastRecordMs = System.currentTimeMillis();
            while (printed < maxMessages) {
                final var polled = consumer.poll(Duration.ofMillis(200));
                final long nowMs = System.currentTimeMillis();
                if (polled.isEmpty()) {
                    if (nowMs - lastRecordMs > timeoutMs) {
                        err.println("console-consumer: no record for " + timeoutMs + " ms, exiting");
                        break;
                    }
                    continue;
                }
                lastRecordMs = nowMs;
                for (final PerfConsumer.Polled r : polled) {
                    if (printed >= maxMessages) {
                        break;
                    }
                    final StringBuilder line = new StringBuilder();
                    if (printTimestamp) {
                        line.append("CreateTime:").append(r.timestamp()).append('\t');
                    }
                    if (printPartition) {
                        line.append("Partition:").append(r.partition()).append('\t');
                    }
                    if (printOffset) {
                        line.append("Offset:").append(r.offset()).append('\t');
                    }
                    if (printKey) {
                        line.append(text(r.key())).append(keySeparator);
                    }
                    line.append(text(r.value()));
                    out.println(line);
                    printedUpTo.put(r.partition(), r.offset() + 1);
                    printed++;
                }
            }
            out.flush();
            if (group != null && !printedUpTo.isEmpty()) {
                consumer.commit(topic, printedUpTo);
            }
        }
        err.println("Processed a total of " + printed + " messages");
        return 0;
    }

    private static String text(final byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lets {@code key.separator=\t} and friends be typed on a shell line. */
    private static String unescape(final String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n");
    }
}
