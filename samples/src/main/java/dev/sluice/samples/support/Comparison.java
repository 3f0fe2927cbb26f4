package dev.sluice.samples.support;

import dev.sluice.client.errors.SluiceException;
import dev.sluice.samples.support.Sweep.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A program that runs the same load once per {@link Variant} and shows the outcomes as a table and
 * an SVG chart: the shape shared by {@code LingerTuning} and {@code CompressionComparison}, which
 * only say what to vary and what to show. Flags: see {@link SweepOptions}.
 *
 * @param name        for messages and topic names, e.g. "linger-tuning"
 * @param title       what is compared, e.g. "linger.ms and batch.size"
 * @param usage       one or two lines on what the program does, for {@code --help}
 * @param defaultRecords events per variant without {@code --records}
 * @param variants    the configurations, run in this order
 * @param table       the outcomes as a table
 * @param chart       the outcomes as a chart
 */
public record Comparison(String name, String title, String usage, int defaultRecords, List<Variant> variants,
                         Function<List<Outcome>, TextTable> table, Function<List<Outcome>, SvgChart> chart) {

    /** Results to {@code out}, progress and errors to {@code err}. @return the exit code: 0, 1 if a run failed, 2 for bad flags */
    public int run(final String[] args, final PrintStream out, final PrintStream err) {
        final String defaultSvg = name + ".svg";
        final SweepOptions options;
        try {
            options = SweepOptions.parse(args, defaultRecords, defaultSvg);
        } catch (final UsageException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        }
        if (options == null) {
            out.print(usage + SweepOptions.usage(defaultRecords, defaultSvg));
            return 0;
        }
        try (Cluster cluster = options.bootstrap() == null ? Cluster.embedded(SweepOptions.PARTITIONS)
                                                           : Cluster.external(options.bootstrap())) {
            out.printf(Locale.ROOT, "%s: %,d JSON events per run through %s%n%n", title, options.records(),
                cluster.description());
            final List<Outcome> outcomes = Sweep.run(cluster, options.records(), "sluice-" + name, variants, err);
            out.print(table.apply(outcomes).render());
            chart.apply(outcomes).write(options.svg());
            out.println("\nchart: " + options.svg());
            return Sweep.allPassed(outcomes) ? 0 : 1;
        } catch (final SluiceException | UncheckedIOException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } catch (final IOException e) {
            err.println(name + ": could not write the chart: " + e.getMessage());
            return 1;
        }
    }
}
