package dev.sluice.samples.support;

import java.util.Locale;

/**
 * What {@link EventVerifier} found. Counts are events; {@code firstMissing} and {@code firstBad} are
 * sequence numbers, -1 when there is none.
 *
 * @param expected   events produced
 * @param received   events read back in the produced offset range, including bad ones
 * @param missing    expected events never read
 * @param duplicated events read more than once (each extra copy counts)
 * @param altered    events whose key or value differ from what was produced
 * @param foreign    records that are not events of this run (no or out-of-range sequence number)
 */
public record Verification(int expected, long received, long missing, long duplicated, long altered,
                           long foreign, long firstMissing, long firstBad) {

    /** True when every event was read back exactly once with identical bytes and nothing else was read. */
    public boolean passed() {
        return missing == 0 && duplicated == 0 && altered == 0 && foreign == 0 && received == expected;
    }

    /** One line for people, e.g. "passed: 1,000 of 1,000 events read back once, byte for byte". */
    public String summary() {
        if (passed()) {
            return String.format(Locale.ROOT, "passed: %,d of %,d events read back once, byte for byte",
                received, expected);
        }
        final StringBuilder out = new StringBuilder("FAILED:");
        if (missing > 0) {
            out.append(String.format(Locale.ROOT, " %,d missing (first seq %d);", missing, firstMissing));
        }
        if (duplicated > 0) {
            out.append(String.format(Locale.ROOT, " %,d duplicated;", duplicated));
        }
        if (altered > 0) {
            out.append(String.format(Locale.ROOT, " %,d altered;", altered));
        }
        if (foreign > 0) {
            out.append(String.format(Locale.ROOT, " %,d not from this run;", foreign));
        }
        if (firstBad >= 0) {
            out.append(" first bad seq ").append(firstBad).append(';');
        }
        out.append(String.format(Locale.ROOT, " %,d read of %,d expected", received, expected));
        return out.toString();
    }
}
