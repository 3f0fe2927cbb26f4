package dev.sluice.benchmarks.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One produce-then-consume workload, run identically against each broker.
 *
 * @param records     records produced, then consumed back
 * @param recordSize  value size in bytes (ProducerPerformance's {@code --record-size}; no key)
 * @param acks        the producer's {@code acks}: {@code "1"} or {@code "all"}
 * @param compression the producer's {@code compression.type}
 * @param partitions  partitions of the topic, created before the run
 */
record Scenario(long records, int recordSize, String acks, String compression, int partitions) {

    /** A short, table-friendly label, e.g. {@code 100 B, acks=1, lz4, 8 p}. */
    String label() {
        final String size = recordSize >= 1024 && recordSize % 1024 == 0 ? recordSize / 1024 + " KiB" : recordSize + " B";
        return String.format(Locale.ROOT, "%,d x %s, acks=%s, %s, %d p", records, size, acks, compression, partitions);
    }

    /** The same workload with another record count. */
    Scenario withRecords(final long count) {
        return new Scenario(count, recordSize, acks, compression, partitions);
    }

    /** A topic name unique to this scenario and round, so that every run starts from an empty log. */
    String topic(final int index, final int round) {
        return "bench-s" + index + "-r" + round;
    }

    /**
     * The default matrix: both record sizes, both acks, both codecs, on 8 partitions, plus the
     * single-partition case for the small records; 1 KiB runs carry a quarter of the records so
     * that every run moves a few hundred MiB at most (the run must fit in ~15 minutes on 2 cores).
     */
    static List<Scenario> defaults(final long smallRecords) {
        final long largeRecords = Math.max(1, smallRecords / 4);
        final List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario(smallRecords, 100, "1", "none", 1));
        scenarios.add(new Scenario(smallRecords, 100, "1", "none", 8));
        scenarios.add(new Scenario(smallRecords, 100, "all", "none", 8));
        scenarios.add(new Scenario(smallRecords, 100, "1", "lz4", 8));
        scenarios.add(new Scenario(largeRecords, 1024, "1", "none", 8));
        scenarios.add(new Scenario(largeRecords, 1024, "all", "lz4", 8));
        return scenarios;
    }
}
