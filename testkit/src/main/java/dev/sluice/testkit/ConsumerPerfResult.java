package dev.sluice.testkit;

import java.util.List;
import java.util.Optional;

/**
 * The summary of Kafka's {@code ConsumerPerformance}: the data line under its header
 * {@code start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
 * rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}. MB means MiB.
 *
 * @param consumedMb         payload consumed, MiB
 * @param mbPerSec           MiB per second over the whole run, rebalance included
 * @param records            records consumed
 * @param recordsPerSec      records per second over the whole run
 * @param rebalanceTimeMs    time spent joining the group
 * @param fetchTimeMs        time spent fetching (whole run minus rebalance)
 * @param fetchMbPerSec      MiB per second of fetch time
 * @param fetchRecordsPerSec records per second of fetch time
 */
public record ConsumerPerfResult(double consumedMb, double mbPerSec, long records, double recordsPerSec,
                                 long rebalanceTimeMs, long fetchTimeMs, double fetchMbPerSec,
                                 double fetchRecordsPerSec) {

    /** Fields after the two timestamps. */
    private static final int NUMERIC_FIELDS = 8;

    /**
     * Finds the last data line in the tool's standard output. Parsed from the right, because the
     * two leading timestamps follow a user-chosen date format that may itself contain commas.
     *
     * @return empty if no line has the summary's shape
     */
    public static Optional<ConsumerPerfResult> parse(final String stdout) {
        final List<String> lines = stdout.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            final Optional<ConsumerPerfResult> result = parseLine(lines.get(i));
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    private static Optional<ConsumerPerfResult> parseLine(final String line) {
        final String[] fields = line.split(",");
        if (fields.length < NUMERIC_FIELDS + 2) {
            return Optional.empty();
        }
        final String[] n = new String[NUMERIC_FIELDS];
        for (int i = 0; i < NUMERIC_FIELDS; i++) {
            n[i] = fields[fields.length - NUMERIC_FIELDS + i].strip();
        }
        try {
            return Optional.of(new ConsumerPerfResult(
                    Double.parseDouble(n[0]), Double.parseDouble(n[1]), Long.parseLong(n[2]), Double.parseDouble(n[3]),
                    Long.parseLong(n[4]), Long.parseLong(n[5]), Double.parseDouble(n[6]), Double.parseDouble(n[7])));
        } catch (final NumberFormatException e) {
            return Optional.empty(); // the header line, or something else the tool printed
        }
    }
}
