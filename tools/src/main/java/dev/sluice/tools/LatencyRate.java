package dev.sluice.tools;

/**
 * The offered load of {@code producer-bench --latency-rate}: the records per second both clients of a
 * cell are throttled to, so that their latencies are compared at the same load rather than each at
 * its own maximum (where latency is mostly the wait in a full {@code buffer.memory}).
 *
 * <p>Either a fixed rate for every cell, or {@code auto}: {@code fraction} of kafka-clients'
 * unthrottled records/s in that cell, measured just before in the same run. kafka-clients is the
 * slower of the two clients in every cell of the unthrottled matrix, so a fraction of its rate is
 * one both can sustain; a run that falls short of the asked rate anyway is flagged by
 * {@link #reached(double, long)} and its cell gets no verdict. Immutable.
 *
 * @param fixedRate records per second for every cell, or 0 for {@code auto}
 * @param fraction  share of kafka-clients' unthrottled rate used by {@code auto}, in (0, 1]
 */
record LatencyRate(long fixedRate, double fraction) {
    /** Default share of kafka-clients' unthrottled rate: clear of its maximum, so neither queue fills. */
    static final double DEFAULT_FRACTION = 0.5;
    /**
     * Share of the asked rate a run must reach to count. Records/s is measured from the first send to
     * the end of close, so even a run that kept pace loses the final linger and acknowledgement (tens of
     * ms of a 5 s run); a client that really fell behind misses by far more.
     */
    static final double REACHED_SHARE = 0.95;

    LatencyRate {
        if (fixedRate < 0) {
            throw new IllegalArgumentException("--latency-rate takes auto or a positive records/s, not " + fixedRate);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--latency-fraction takes a number above 0 and at most 1, not "
                + fraction);
        }
    }

    /**
     * @param rate     {@code auto} or a positive whole number of records per second
     * @param fraction a number in (0, 1]; only used with {@code auto}
     * @throws IllegalArgumentException naming the flag whose value is wrong
     */
    static LatencyRate parse(final String rate, final String fraction) {
        double share = Double.NaN;
        try {
            share = Double.parseDouble(fraction.trim());
        } catch (final NumberFormatException ignored) {
            // reported below with the flag's name
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("--latency-fraction takes a number above 0 and at most 1, not "
                + fraction);
        }
        if (rate.trim().equals("auto")) {
            return new LatencyRate(0, share);
        }
        try {
            final long fixed = Long.parseLong(rate.trim());
            if (fixed > 0) {
                return new LatencyRate(fixed, share);
            }
        } catch (final NumberFormatException ignored) {
            // reported below with the flag's name
        }
        throw new IllegalArgumentException("--latency-rate takes auto or a positive whole number of records/s, not "
            + rate);
    }

    /** Whether each cell's rate comes from a kafka-clients unthrottled run ({@code auto}). */
    boolean auto() {
        return fixedRate == 0;
    }

    /**
     * The rate to ask of both clients in one cell.
     *
     * @param kafkaUnthrottled kafka-clients' unthrottled records/s in that cell; ignored for a fixed rate
     * @return records per second, at least 1; with {@code auto} rounded down to two significant digits
     *     so the table reads easily (a cut of at most 10%, which only lowers the load)
     */
    long askedRate(final double kafkaUnthrottled) {
        if (!auto()) {
            return fixedRate;
        }
        if (!(kafkaUnthrottled > 0)) {
            throw new IllegalArgumentException("no unthrottled kafka-clients rate to take a fraction of: "
                + kafkaUnthrottled);
        }
        final long raw = (long) (kafkaUnthrottled * fraction);
        long unit = 1;
        while (raw / unit >= 100) {
            unit *= 10;
        }
        return Math.max(1, raw / unit * unit);
    }

    /**
     * Records for one throttled run that sends for about {@code seconds} at {@code askedRate}.
     *
     * @param seconds sending time, positive
     */
    static long records(final long askedRate, final double seconds) {
        return Math.max(1, (long) Math.ceil(askedRate * seconds));
    }

    /** Whether a run's achieved records/s is close enough to {@code askedRate} for its latency to count. */
    static boolean reached(final double achieved, final long askedRate) {
        return achieved >= REACHED_SHARE * askedRate;
    }
}
