package dev.sluice.samples.linger;

import dev.sluice.samples.support.Comparison;
import dev.sluice.samples.support.ProduceResult;
import dev.sluice.samples.support.SvgChart;
import dev.sluice.samples.support.Sweep;
import dev.sluice.samples.support.Sweep.Outcome;
import dev.sluice.samples.support.TextTable;
import dev.sluice.samples.support.Variant;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code linger.ms} and {@code batch.size} trade latency for throughput.
 *
 * <p>A Kafka producer does not send each record on its own. {@code send()} appends the record to a
 * batch for its partition; a background thread sends a batch when it holds {@code batch.size} bytes
 * or has waited {@code linger.ms} milliseconds, whichever comes first. Larger batches mean fewer
 * requests, less per-request overhead on client and broker, and better compression, so more
 * records per second; but a record may wait up to {@code linger.ms} before it even leaves.
 *
 * <p>This program sends the same events at full speed with linger.ms 0, 5, 20 and 100 and
 * batch.size 16 KiB and 128 KiB, and prints throughput, the average batch actually sent and the
 * p50/p99 time from {@code send()} to acknowledgement. Things to notice:
 * <ul>
 * <li>At full speed batches often fill before linger.ms runs out, so batch.size matters more than
 *     linger.ms here; linger.ms shows its effect when records arrive slower than batches fill.</li>
 * <li>Even linger.ms 0 batches: records that arrive while the sender thread is busy with the
 *     previous request go out together in the next one.</li>
 * <li>At full speed latency includes queueing: a record waits behind the records sent before it
 *     (up to {@code buffer.memory} of them), so p99 grows with anything that slows sending.</li>
 * </ul>
 * Run with {@code bin/sample linger}; it writes the numbers
 * as an SVG chart too (throughput against p99 latency).
 */
public final class LingerTuning {
    private static final long[] LINGERS_MS = {0, 5, 20, 100};
    private static final int[] BATCH_SIZES = {16_384, 131_072};
    private static final Comparison PROGRAM = new Comparison("linger-tuning", "linger.ms and batch.size",
        """
        Usage: bin/sample linger [options]
        The same load at linger.ms 0, 5, 20, 100 and batch.size 16384 and 131072: throughput, batch size, latency.
        """, 200_000, variants(), LingerTuning::table, LingerTuning::chart);

    private LingerTuning() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Results to {@code out}; progress and errors to {@code err}. @return the exit code */
    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
        return PROGRAM.run(args, out, err);
    }

    private static List<Variant> variants() {
        final List<Variant> variants = new ArrayList<>();
        for (final int batchSize : BATCH_SIZES) {
            for (final long lingerMs : LINGERS_MS) {
                variants.add(new Variant("linger " + lingerMs + " ms, batch " + batchSize / 1024 + " KiB",
                    Map.of("linger.ms", lingerMs, "batch.size", batchSize)));
            }
        }
        return variants;
    }

    private static TextTable table(final List<Outcome> outcomes) {
        final TextTable table = new TextTable("linger.ms", "batch.size", "records/s", "MB/s", "avg batch bytes",
            "p50 ms", "p99 ms", "verification").leftAlign(7);
        for (final Outcome outcome : outcomes) {
            final ProduceResult produce = outcome.result().produce();
            table.row(outcome.variant().setting("linger.ms"), outcome.variant().setting("batch.size"),
                String.format(Locale.ROOT, "%,.0f", produce.recordsPerSecond()),
                String.format(Locale.ROOT, "%.1f", produce.megabytesPerSecond()),
                String.format(Locale.ROOT, "%,.0f", produce.stats().batchSizeAvg()),
                String.format(Locale.ROOT, "%.1f", produce.latencyMillis(50)),
                String.format(Locale.ROOT, "%.1f", produce.latencyMillis(99)),
                Sweep.verdict(outcome));
        }
        return table;
    }

    private static SvgChart chart(final List<Outcome> outcomes) {
        final SvgChart chart = new SvgChart("Producer throughput vs p99 latency by linger.ms and batch.size",
            "p99 produce latency, send() to acknowledgement (ms)", "produce throughput (records/s)");
        for (final Outcome outcome : outcomes) {
            final ProduceResult produce = outcome.result().produce();
            chart.point(produce.latencyMillis(99), produce.recordsPerSecond(), outcome.variant().label());
        }
        return chart;
    }
}
