package dev.sluice.tools;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Producer load generator with the flags of Kafka's {@code kafka-producer-perf-test}, plus
 * {@code --client sluice|kafka} to drive either client against the same broker.
 *
 * <pre>
 * producer-perf --topic T --num-records N (--record-size B | --payload-file F [--payload-delimiter D])
 *               --throughput R (-1 = unthrottled) [--producer-props k=v ...] [--producer.config FILE]
 *               [--print-metrics] [--client sluice|kafka] [--reporting-interval MS] [--warmup-records W]
 * </pre>
 *
 * Prints a progress line per interval and a final line ({@link PerfSummary}) with records/s, MB/s,
 * average and maximum latency, the 50th/95th/99th/99.9th latency percentiles (HdrHistogram,
 * milliseconds) and the CPU time of this JVM per record, measured from the first send to the end
 * of close so that both clients are charged for the same work.
 *
 * <p>With {@code --warmup-records W} the first W of the N records are sent and acknowledged like the
 * rest, at the same rate, but not measured: the wall clock and CPU clock start at record W+1, only
 * records W+1..N enter the histogram, and the final line counts N-W records. Without it every
 * record counts, as in Kafka's tool; a fresh JVM's first second (JIT, connection set-up, a new
 * topic's partitions) then weighs on the high percentiles of a short run.
 */
public final class ProducerPerf {
    private ProducerPerf() {
    }

    /** Parsed command line. */
    record Options(String topic, long numRecords, int recordSize, Path payloadFile, String payloadDelimiter,
                   double throughput, Properties producerProps, boolean printMetrics, String client,
                   long reportingIntervalMs, long warmupRecords) {
    }

    public static void main(final String[] args) throws Exception {
        final Options options;
        try {
            options = parse(args);
        } catch (final IllegalArgumentException e) {
            System.err.println("producer-perf: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        final Result result = run(options, System.out);
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    static String usage() {
        return "usage: producer-perf --topic T --num-records N (--record-size B | --payload-file F)"
            + " --throughput R [--producer-props k=v ...] [--producer.config FILE] [--print-metrics]"
            + " [--client sluice|kafka] [--payload-delimiter D] [--reporting-interval MS] [--warmup-records W]";
    }

    static Options parse(final String[] args) throws IOException {
        String topic = null;
        long numRecords = -1;
        int recordSize = -1;
        Path payloadFile = null;
        String delimiter = "\n";
        Double throughput = null;
        final Properties props = new Properties();
        final List<String> inlineProps = new ArrayList<>();
        boolean printMetrics = false;
        String client = "sluice";
        long interval = 5000;
        long warmup = 0;
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "--topic" -> topic = value(args, ++i, arg);
                case "--num-records" -> numRecords = Long.parseLong(value(args, ++i, arg));
                case "--record-size" -> recordSize = Integer.parseInt(value(args, ++i, arg));
                case "--payload-file" -> payloadFile = Path.of(value(args, ++i, arg));
                case "--payload-delimiter" -> delimiter = value(args, ++i, arg).replace("\\n", "\n");
                case "--throughput" -> throughput = Double.parseDouble(value(args, ++i, arg));
                case "--producer.config" -> {
                    try (InputStream in = Files.newInputStream(Path.of(value(args, ++i, arg)))) {
                        props.load(in);
                    }
                }
                case "--producer-props" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        inlineProps.add(args[++i]);
                    }
                }
                case "--print-metrics" -> printMetrics = true;
                case "--client" -> client = value(args, ++i, arg);
                case "--reporting-interval" -> interval = Long.parseLong(value(args, ++i, arg));
                case "--warmup-records" -> warmup = wholeNumber(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        // Inline properties win over the file, as in Kafka's tool.
        for (final String kv : inlineProps) {
            final int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--producer-props entries are key=value, not " + kv);
            }
            props.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        if (topic == null) {
            throw new IllegalArgumentException("--topic is required");
        }
        if (numRecords < 0) {
            throw new IllegalArgumentException("--num-records is required");
        }
        if (throughput == null) {
            throw new IllegalArgumentException("--throughput is required (-1 for no limit)");
        }
        if ((recordSize < 0) == (payloadFile == null)) {
            throw new IllegalArgumentException("give exactly one of --record-size and --payload-file");
        }
        if (!props.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("bootstrap.servers must be given in --producer-props or --producer.config");
        }
        if (!client.equals("sluice") && !client.equals("kafka")) {
            throw new IllegalArgumentException("--client must be sluice or kafka, not " + client);
        }
        if (warmup >= numRecords && warmup > 0) {
            throw new IllegalArgumentException("--warmup-records must be below --num-records (" + numRecords
                + "), not " + warmup);
        }
        return new Options(topic, numRecords, recordSize, payloadFile, delimiter, throughput, props, printMetrics,
            client, interval, warmup);
    }

    private static long wholeNumber(final String text, final String flag) {
        try {
            final long n = Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (final NumberFormatException ignored) {
            // reported below with the flag's name
        }
        throw new IllegalArgumentException(flag + " takes a whole number of 0 or more, not " + text);
    }

    private static String value(final String[] args, final int i, final String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** What a run measured. */
    record Result(long errors, PerfSummary summary) {
        long records() {
            return summary.records();
        }
    }

    static Result run(final Options options, final PrintStream out) throws IOException, InterruptedException {
        final List<byte[]> payloads = payloads(options);
        final Stats stats = new Stats(options.reportingIntervalMs(), out);
        final Throttle throttle = new Throttle(options.throughput());
        final Random random = new Random(0);
        long cpuStart;
        long start;
        // Creating the client (metadata, connection) is outside the measured window for both clients.
        try (PerfClient client = PerfClient.create(options.client(), options.producerProps())) {
            cpuStart = ProcessCpuClock.cpuNanos();
            start = System.nanoTime();
            long paceStart = start;
            for (long i = 0; i < options.numRecords(); i++) {
                if (i == options.warmupRecords() && i > 0) {
                    cpuStart = ProcessCpuClock.cpuNanos();
                    start = System.nanoTime();
                    // Pace the measured records from here: a client that fell behind during its warm-up
                    // must not catch up in a burst above the asked rate inside the measured window.
                    if (options.throughput() > 0) {
                        paceStart = start - (long) (i * 1e9 / options.throughput());
                    }
                    stats.startWindow(start);
                }
                final byte[] payload = payloads.size() == 1 ? payloads.get(0) : payloads.get(random.nextInt(payloads.size()));
                final long sendStart = System.nanoTime();
                final boolean measured = i >= options.warmupRecords();
                client.send(options.topic(), payload, error -> stats.record(sendStart, payload.length, error, measured));
                throttle.pace(i + 1, paceStart);
            }
            client.flush();
            if (options.printMetrics()) {
                for (final Map.Entry<String, Object> m : client.metrics().entrySet()) {
                    out.printf("%-70s : %s%n", m.getKey(), m.getValue());
                }
            }
        }
        final long cpuEnd = ProcessCpuClock.cpuNanos();
        return stats.finish(start, cpuStart, cpuEnd, out);
    }

    private static List<byte[]> payloads(final Options options) throws IOException {
        final List<byte[]> payloads = new ArrayList<>();
        if (options.payloadFile() != null) {
            final String text = Files.readString(options.payloadFile(), StandardCharsets.UTF_8);
            for (final String line : text.split(java.util.regex.Pattern.quote(options.payloadDelimiter()))) {
                if (!line.isEmpty()) {
                    payloads.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (payloads.isEmpty()) {
                throw new IllegalArgumentException("--payload-file " + options.payloadFile() + " holds no payloads");
            }
        } else {
            // Random uppercase letters: compressible like text, not trivially so.
            final byte[] payload = new byte[options.recordSize()];
            final Random random = new Random(42);
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) ('A' + random.nextInt(26));
            }
            payloads.add(payload);
        }
        return payloads;
    }

    /** Sleeps the sending thread so that the average rate stays at the target. */
    private static final class Throttle {
        private final double perSecond;

        Throttle(final double perSecond) {
            this.perSecond = perSecond;
        }

        void pace(final long sent, final long startNs) throws InterruptedException {
            if (perSecond <= 0) {
                return;
            }
            final long dueNs = startNs + (long) (sent * 1e9 / perSecond);
            final long aheadNs = dueNs - System.nanoTime();
            if (aheadNs > 2_000_000) {
                TimeUnit.NANOSECONDS.sleep(aheadNs);
            }
        }
    }

    /** Latencies and counts; updated on the client's I/O thread, read by the reporter. */
    private static final class Stats {
        private final Histogram total = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        private final Histogram window = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        private final long intervalNs;
        private final PrintStream out;
        private final AtomicLong errors = new AtomicLong();
        private long bytes;
        private long windowBytes;
        private long windowStart = System.nanoTime();

        Stats(final long intervalMs, final PrintStream out) {
            this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
            this.out = out;
        }

        /** Starts the first progress window at the end of the warm-up. Sending thread. */
        synchronized void startWindow(final long startNs) {
            window.reset();
            windowBytes = 0;
            windowStart = startNs;
        }

        /** @param measured false for a warm-up record: errors count, its latency and bytes do not */
        synchronized void record(final long sendStartNs, final int size, final Exception error, final boolean measured) {
            final long now = System.nanoTime();
            if (error != null) {
                if (errors.incrementAndGet() <= 10) {
                    out.println("send failed: " + error);
                }
                return;
            }
            if (!measured) {
                return;
            }
            final long latencyMs = TimeUnit.NANOSECONDS.toMillis(now - sendStartNs);
            total.recordValue(Math.min(latencyMs, total.getHighestTrackableValue()));
            window.recordValue(Math.min(latencyMs, window.getHighestTrackableValue()));
            bytes += size;
            windowBytes += size;
            if (now - windowStart >= intervalNs) {
                print(window, windowBytes, now - windowStart);
                window.reset();
                windowBytes = 0;
                windowStart = now;
            }
        }

        private void print(final Histogram h, final long byteCount, final long elapsedNs) {
            final double seconds = elapsedNs / 1e9;
            final long count = h.getTotalCount();
            out.println(String.format(java.util.Locale.ROOT, "%d records sent, %.1f records/sec (%.2f MB/sec),"
                    + " %.1f ms avg latency, %.1f ms max latency.", count, count / seconds,
                byteCount / seconds / (1024.0 * 1024.0), h.getMean(), (double) h.getMaxValue()));
        }

        synchronized Result finish(final long startNs, final long cpuStartNs, final long cpuEndNs,
                                   final PrintStream out) {
            final long elapsedNs = System.nanoTime() - startNs;
            final double seconds = elapsedNs / 1e9;
            final long count = total.getTotalCount();
            final PerfSummary summary = new PerfSummary(count, count / seconds, bytes / seconds / (1024.0 * 1024.0),
                total.getMean(), total.getMaxValue(), total.getValueAtPercentile(50),
                total.getValueAtPercentile(95), total.getValueAtPercentile(99), total.getValueAtPercentile(99.9),
                ProcessCpuClock.microsPerRecord(cpuStartNs, cpuEndNs, count));
            out.println(summary.format());
            return new Result(errors.get(), summary);
        }
    }
}
