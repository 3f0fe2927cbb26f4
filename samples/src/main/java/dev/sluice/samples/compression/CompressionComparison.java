package dev.sluice.samples.compression;

import dev.sluice.samples.support.Comparison;
import dev.sluice.samples.support.LoadResult;
import dev.sluice.samples.support.SvgChart;
import dev.sluice.samples.support.Sweep;
import dev.sluice.samples.support.Sweep.Outcome;
import dev.sluice.samples.support.TextTable;
import dev.sluice.samples.support.Variant;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same JSON events through every codec Kafka supports, and a few compression levels.
 *
 * <p>With {@code compression.type} set, the producer compresses each batch as a whole before
 * sending it; the broker stores it compressed and the consumer decompresses it. So the ratio
 * depends on the batch: the more similar records one batch holds, the more repetition the codec
 * finds (field names, enumerations, user ids repeat in every event). Bigger batches
 * ({@code batch.size}, {@code linger.ms}) compress better.
 *
 * <p>The codecs trade differently:
 * <ul>
 * <li><b>gzip</b> (deflate): good ratios, slow to compress; level 9 squeezes a little more for much more CPU.</li>
 * <li><b>snappy</b> and <b>lz4</b>: built for speed; lower ratios, cheap on both sides.</li>
 * <li><b>zstd</b>: gzip-like or better ratios at lz4-like speed; the level (default 3) moves it
 *     along that line: 1 is faster, 9 smaller and slower.</li>
 * </ul>
 * The ratio printed is the producer's {@code compression-rate-avg} turned around: uncompressed
 * batch bytes divided by compressed batch bytes (1.00 without compression). Throughput is of the
 * uncompressed payload. Run with {@code bin/sample compression}; it writes an SVG chart too
 * (ratio against produce throughput).
 */
public final class CompressionComparison {
    private static final Comparison PROGRAM = new Comparison("compression-comparison", "compression.type",
        """
        Usage: bin/sample compression [options]
        The same JSON events through none, gzip, snappy, lz4 and zstd at several levels: ratio and throughput.
        """, 200_000, variants(), CompressionComparison::table, CompressionComparison::chart);

    private CompressionComparison() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Results to {@code out}; progress and errors to {@code err}. @return the exit code */
    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
        return PROGRAM.run(args, out, err);
    }

    /** Every codec at its default level, then the levels worth comparing. */
    private static List<Variant> variants() {
        return List.of(
            codec("none"),
            codec("gzip"),
            new Variant("gzip level 9", Map.of("compression.type", "gzip", "compression.gzip.level", 9)),
            codec("snappy"),
            codec("lz4"),
            new Variant("zstd level 1", Map.of("compression.type", "zstd", "compression.zstd.level", 1)),
            new Variant("zstd level 3", Map.of("compression.type", "zstd", "compression.zstd.level", 3)),
            new Variant("zstd level 9", Map.of("compression.type", "zstd", "compression.zstd.level", 9)));
    }

    private static Variant codec(final String type) {
        return new Variant(type, Map.of("compression.type", type));
    }

    private static TextTable table(final List<Outcome> outcomes) {
        final TextTable table = new TextTable("codec", "ratio", "produce MB/s", "consume MB/s", "produce records/s",
            "avg batch bytes", "verification").leftAlign(6);
        for (final Outcome outcome : outcomes) {
            final LoadResult result = outcome.result();
            table.row(outcome.variant().label(),
                String.format(Locale.ROOT, "%.2f", result.produce().stats().compressionRatio()),
                String.format(Locale.ROOT, "%.1f", result.produce().megabytesPerSecond()),
                String.format(Locale.ROOT, "%.1f", result.consume().megabytesPerSecond()),
                String.format(Locale.ROOT, "%,.0f", result.produce().recordsPerSecond()),
                String.format(Locale.ROOT, "%,.0f", result.produce().stats().batchSizeAvg()),
                Sweep.verdict(outcome));
        }
        return table;
    }

    private static SvgChart chart(final List<Outcome> outcomes) {
        final SvgChart chart = new SvgChart("Compression ratio vs produce throughput per codec",
            "produce throughput, uncompressed payload (MB/s)", "compression ratio (uncompressed / compressed)");
        for (final Outcome outcome : outcomes) {
            chart.point(outcome.result().produce().megabytesPerSecond(),
                outcome.result().produce().stats().compressionRatio(), outcome.variant().label());
        }
        return chart;
    }
}
