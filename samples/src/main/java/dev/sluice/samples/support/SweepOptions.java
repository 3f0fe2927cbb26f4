package dev.sluice.samples.support;

import java.nio.file.Path;
import java.util.Set;

/**
 * The flags every comparison program takes: {@code --records N}, {@code --bootstrap-server H:P},
 * {@code --svg FILE} and {@code --help}.
 *
 * @param records   events per variant
 * @param bootstrap an existing cluster, or null for an embedded broker
 * @param svg       where the chart goes
 */
public record SweepOptions(int records, String bootstrap, Path svg) {
    /** Each variant gets a topic with this many partitions on the embedded broker. */
    public static final int PARTITIONS = 6;

    /**
     * @return the options, or null when {@code --help} was given
     * @throws UsageException naming a bad flag or value
     */
    public static SweepOptions parse(final String[] args, final int defaultRecords, final String defaultSvg) {
        final SampleArgs parsed = SampleArgs.parse(args, Set.of("--records", "--bootstrap-server", "--svg"),
            Set.of("--help"));
        if (parsed.has("--help")) {
            return null;
        }
        final String bootstrap = parsed.string("--bootstrap-server", null);
        if (bootstrap != null) {
            Cluster.checkAddresses("--bootstrap-server", bootstrap);
        }
        return new SweepOptions((int) parsed.number("--records", defaultRecords, 1, LoadSettings.MAX_RECORDS),
            bootstrap, Path.of(parsed.string("--svg", defaultSvg)).toAbsolutePath());
    }

    /** Usage lines for these flags, to append to a program's own description. */
    public static String usage(final int defaultRecords, final String defaultSvg) {
        return String.format("""
              --records N                 events per configuration (default %d, at most 20000000)
              --bootstrap-server H:P      use this Sluice or Apache Kafka cluster instead of an embedded broker
              --svg FILE                  where to write the chart (default %s)
              --help                      this text
            Exit code: 0 when every run read back every event unchanged, 1 when not, 2 for a bad option.
            """, defaultRecords, defaultSvg);
    }
}
