package dev.sluice.tools;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code bin/consumer-perf}: reads {@code --messages} records from {@code --topic} as fast as it can and
 * prints Kafka ConsumerPerformance's summary line (same header and columns, so the same scripts and
 * parsers read both), with {@code --client sluice|kafka} choosing the consumer.
 *
 * <pre>
 * bin/consumer-perf --bootstrap-server HOST:PORT --topic T --messages N [--group G] [--timeout MS]
 *     [--fetch-size BYTES] [--from-latest] [--consumer.config FILE] [--consumer-props k=v ...]
 *     [--reporting-interval MS] [--show-detailed-stats] [--hide-header] [--print-metrics]
 *     [--date-format FMT] [--client sluice|kafka]
 * </pre>
 *
 * Progress lines go to stderr every reporting interval (stdout with --show-detailed-stats). MB is
 * MiB of key and value bytes, as in Kafka's tool. After Kafka's summary line come two more lines: the
 * client CPU per record over the fetch phase, and the phase's longest wait for records and the cores the
 * JVM kept busy in it ({@link ConsumerPerfResult}).
 */
public final class ConsumerPerf {
    private static final Set<String> WITH_VALUE = Set.of("--bootstrap-server", "--broker-list", "--topic", "--messages",
        "--group", "--timeout", "--fetch-size", "--consumer.config", "--command-config", "--consumer-props",
        "--reporting-interval", "--date-format", "--client");
    private static final Set<String> SWITCHES = Set.of("--from-latest", "--show-detailed-stats", "--hide-header",
        "--print-metrics", "--help");
    private static final String HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, "
        + "nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
    private static final double MIB = 1024.0 * 1024.0;

    private ConsumerPerf() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the process exit code. */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final ToolArgs opts;
        try {
            opts = ToolArgs.parse(args, WITH_VALUE, SWITCHES);
            if (opts.has("--help")) {
                err.println("Usage: consumer-perf --bootstrap-server HOST:PORT --topic T --messages N [--group G] "
                    + "[--timeout MS] [--fetch-size B] [--from-latest] [--consumer.config FILE] [--client sluice|kafka]");
                return 0;
            }
            return perf(opts, out, err);
        } catch (final IllegalArgumentException e) {
            err.println("consumer-perf: " + e.getMessage());
            return 1;
        }
    }

    private static int perf(final ToolArgs opts, final PrintStream out, final PrintStream err) {
        final String bootstrap = opts.has("--bootstrap-server") ? opts.required("--bootstrap-server")
            : opts.required("--broker-list");
        final String topic = opts.required("--topic");
        final long messages = opts.longValue("--messages", -1);
        if (messages <= 0) {
            throw new IllegalArgumentException("Missing or non-positive --messages");
        }
        final long timeoutMs = opts.longValue("--timeout", 10_000);
        final long reportingMs = opts.longValue("--reporting-interval", 5_000);
        final String client = opts.value("--client", "sluice");
        final String group = opts.value("--group", "perf-consumer-" + UUID.randomUUID().toString().substring(0, 8));
        final SimpleDateFormat dates = new SimpleDateFormat(opts.value("--date-format", "yyyy-MM-dd HH:mm:ss:SSS"));
        final Map<String, Object> config = new HashMap<>();
        if (opts.has("--consumer.config")) {
            ToolArgs.loadConfigFile(opts.required("--consumer.config"), config);
        } else if (opts.has("--command-config")) {
            ToolArgs.loadConfigFile(opts.required("--command-config"), config);
        }
        config.putAll(opts.pairs("--consumer-props"));
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", group);
        config.putIfAbsent("enable.auto.commit", "false");
        config.put("auto.offset.reset", opts.has("--from-latest") ? "latest" : "earliest");
        if (opts.has("--fetch-size")) {
            config.put("max.partition.fetch.bytes", opts.required("--fetch-size"));
        }
        final PrintStream progress = opts.has("--show-detailed-stats") ? out : err;
        if (!opts.has("--hide-header")) {
            out.println(HEADER);
        }
        long records = 0;
        long bytes = 0;
        final long[] rebalanceEndMs = {-1};
        // CPU of this whole JVM from the first assignment on: the fetch phase the rates are stated for.
        final long[] cpuAtAssignmentNs = {-1};
        final long startMs = System.currentTimeMillis();
        try (PerfConsumer consumer = PerfConsumer.create(client, config)) {
            consumer.start(topic, group, () -> {
                if (rebalanceEndMs[0] < 0) {
                    rebalanceEndMs[0] = System.currentTimeMillis();
                    cpuAtAssignmentNs[0] = ProcessCpuClock.cpuNanos();
                }
            });
            long lastRecordMs = System.currentTimeMillis();
            // Longest time without records in the fetch phase: a parked fetch shows here as a wait of about
            // fetch.max.wait.ms, while a starved CPU only stretches the phase (see ConsumerPerfResult#phaseLine).
            long longestWaitMs = 0;
            long lastReportMs = lastRecordMs;
            long lastReportRecords = 0;
            long lastReportBytes = 0;
            while (records < messages) {
                final List<PerfConsumer.Polled> polled = consumer.poll(Duration.ofMillis(100));
                final long nowMs = System.currentTimeMillis();
                if (polled.isEmpty()) {
                    if (nowMs - lastRecordMs > timeoutMs) {
                        err.println("WARNING: Exiting before consuming the expected number of messages: timeout ("
                            + timeoutMs + " ms) exceeded. You can use the --timeout option to increase the timeout.");
                        break;
                    }
                    continue;
                }
                longestWaitMs = Math.max(longestWaitMs, nowMs - (records > 0 ? lastRecordMs : rebalanceEndMs[0]));
                lastRecordMs = nowMs;
                for (final PerfConsumer.Polled r : polled) {
                    records++;
                    bytes += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
                }
                if (nowMs - lastReportMs >= reportingMs) {
                    final double seconds = (nowMs - lastReportMs) / 1000.0;
                    progress.printf("%s, %d, %.4f, %.4f, %d, %.4f%n", dates.format(new Date(nowMs)), 0,
                        bytes / MIB, (bytes - lastReportBytes) / MIB / seconds, records,
                        (records - lastReportRecords) / seconds);
                    lastReportMs = nowMs;
                    lastReportRecords = records;
                    lastReportBytes = bytes;
                }
            }
            final long endMs = System.currentTimeMillis();
            final long cpuEndNs = ProcessCpuClock.cpuNanos();
            final long rebalanceMs = rebalanceEndMs[0] < 0 ? 0 : rebalanceEndMs[0] - startMs;
            final long fetchMs = Math.max(1, endMs - startMs - rebalanceMs);
            final double elapsedSec = Math.max(1, endMs - startMs) / 1000.0;
            final double mb = bytes / MIB;
            out.printf(Locale.ROOT, "%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f%n", dates.format(new Date(startMs)),
                dates.format(new Date(endMs)), mb, mb / elapsedSec, records, records / elapsedSec, rebalanceMs, fetchMs,
                mb / (fetchMs / 1000.0), records / (fetchMs / 1000.0));
            out.println(ConsumerPerfResult.cpuLine(ProcessCpuClock.microsPerRecord(cpuAtAssignmentNs[0], cpuEndNs,
                records)));
            out.println(ConsumerPerfResult.phaseLine(longestWaitMs,
                ProcessCpuClock.coresBusy(cpuAtAssignmentNs[0], cpuEndNs, fetchMs)));
            if (opts.has("--print-metrics")) {
                consumer.metrics().forEach((name, value) -> out.println(name + " : " + value));
            }
        }
        return records >= messages ? 0 : 1;
    }
}
