package dev.sluice.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A/B check that survives a noisy, shared machine: runs Sluice and kafka-clients in alternating
 * short slices on the same thread, timed by the thread's CPU time, and reports the median of the
 * per-round speed ratios, so load from other processes hits both sides alike. Complements (does not replace) the JMH numbers.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sluice.benchmarks.InterleavedComparison [rounds [codecs [sizes [ops]]]]},
 * Each configuration is measured in a JVM of its own. E.g.
 * {@code 25 none,lz4 16384,1048576 read} to narrow a run to what is being tuned; {@code ops} is
 * {@code build}, {@code read} or {@code both} (the default), and a skipped op prints as "-".
 */
public final class InterleavedComparison {
    private static final Blackhole BH = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    /** Fifth argument a parent passes to a child JVM that measures one configuration and prints its row. */
    private static final String ROW_ONLY = "--row";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InterleavedComparison() {
    }

    public static void main(final String[] args) throws Exception {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        final String[] codecs = args.length > 1 ? args[1].split(",") : new String[] {"none", "gzip", "snappy", "lz4", "zstd"};
        final int[] sizes = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {16384, 1048576};
        final String ops = args.length > 3 ? args[3] : "both";
        if (args.length > 4 && ROW_ONLY.equals(args[4])) {
            printRow(rounds, codecs[0], sizes[0], ops);
            return;
        }
        System.out.println("| codec | batch | build Sluice/kafka | read Sluice/kafka |");
        System.out.println("|---|---|---|---|");
        for (final int batchBytes : sizes) {
            for (final String codec : codecs) {
                // One JVM per configuration: in a shared JVM the JIT compiles the read and build
                // loops with profiles from the configurations that ran first, and the same
                // configuration then measured anywhere from 1.3x to 4x from run to run.
                final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), InterleavedComparison.class.getName(),
                    Integer.toString(rounds), codec, Integer.toString(batchBytes), ops, ROW_ONLY)
                    .inheritIO().start();
                if (child.waitFor() != 0) {
                    throw new IllegalStateException("measuring " + codec + " at " + batchBytes + " bytes failed");
                }
            }
        }
    }

    private static void printRow(final int rounds, final String codec, final int batchBytes, final String ops) {
        final CodecBenchmark bench = new CodecBenchmark();
        bench.codec = codec;
        bench.batchBytes = batchBytes;
        bench.setUp();
        final String build = !"read".equals(ops) ? String.format("%.2fx", medianRatio(rounds, batchBytes,
            () -> BH.consume(bench.buildSluice()), () -> BH.consume(bench.buildKafkaClients()))) : "-";
        final String read = !"build".equals(ops) ? String.format("%.2fx", medianRatio(rounds, batchBytes,
            () -> bench.readSluice(BH), () -> bench.readKafkaClients(BH))) : "-";
        bench.tearDown();
        System.out.printf("| %s | %s | %s | %s |%n", codec, batchBytes == 16384 ? "16 KiB" : "1 MiB", build, read);
    }

    /** Median over rounds of (kafka time / Sluice time) for the same number of operations. */
    static double medianRatio(final int rounds, final int batchBytes, final Runnable ours, final Runnable theirs) {
        final int ops = Math.max(8, (8 << 20) / batchBytes);
        for (int i = 0; i < 3; i++) {
            time(ours, ops * 4);
            time(theirs, ops * 4);
        }
        final double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            final long a = time(ours, ops);
            final long b = time(theirs, ops);
            ratios[r] = (double) b / a;
        }
        Arrays.sort(ratios);
        return ratios[rounds / 2];
    }

    /** CPU time of this thread, so time spent descheduled by other processes does not count. */
    private static long time(final Runnable task, final int ops) {
        final long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < ops; i++) {
            task.run();
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
