package dev.sluice.client.internal.metrics;

import java.util.Arrays;

/**
 * A statistic over a sliding window made of a few fixed-length samples (Kafka's defaults: two
 * samples of 30 s), so that averages and rates reflect recent behaviour and old samples age out.
 * Synchronized: recorded by application and sender threads, read by metric reporters.
 */
public final class SampledStat implements Stat {
    /** How the samples are combined. */
    public enum Kind { AVG, MAX, MIN, RATE, TOTAL_RATE_COUNT }

    private final Kind kind;
    private final long windowMs;
    private final long[] start;
    private final double[] sum;
    private final double[] max;
    private final double[] min;
    private final long[] count;
    private int current;

    public SampledStat(final Kind kind, final int samples, final long windowMs) {
        this.kind = kind;
        this.windowMs = windowMs;
        this.start = new long[samples];
        this.sum = new double[samples];
        this.max = new double[samples];
        this.min = new double[samples];
        this.count = new long[samples];
        Arrays.fill(start, Long.MIN_VALUE);
    }

    /** A windowed statistic of the given kind over two 30-second samples. */
    public static SampledStat of(final Kind kind) {
        return new SampledStat(kind, 2, 30_000);
    }

    @Override
    public synchronized void record(final double value, final long nowMs) {
        if (start[current] == Long.MIN_VALUE) {
            reset(current, nowMs);
        } else if (nowMs - start[current] >= windowMs) {
            current = (current + 1) % start.length;
            reset(current, nowMs);
        }
        sum[current] += value;
        max[current] = Math.max(max[current], value);
        min[current] = Math.min(min[current], value);
        count[current]++;
    }

    private void reset(final int i, final long nowMs) {
        start[i] = nowMs;
        sum[i] = 0;
        max[i] = Double.NEGATIVE_INFINITY;
        min[i] = Double.POSITIVE_INFINITY;
        count[i] = 0;
    }

    @Override
    public synchronized double measure(final long nowMs) {
        double totalSum = 0;
        double totalMax = Double.NEGATIVE_INFINITY;
        double totalMin = Double.POSITIVE_INFINITY;
        long totalCount = 0;
        long oldest = nowMs;
        for (int i = 0; i < start.length; i++) {
            if (start[i] == Long.MIN_VALUE || nowMs - start[i] >= windowMs * start.length) {
                continue; // empty or aged out
            }
            totalSum += sum[i];
            totalMax = Math.max(totalMax, max[i]);
            totalMin = Math.min(totalMin, min[i]);
            totalCount += count[i];
            oldest = Math.min(oldest, start[i]);
        }
        switch (kind) {
            case AVG:
                return totalCount == 0 ? Double.NaN : totalSum / totalCount;
            case MAX:
                return totalCount == 0 ? Double.NaN : totalMax;
            case MIN:
                return totalCount == 0 ? Double.NaN : totalMin;
            case RATE:
            case TOTAL_RATE_COUNT:
                // Like Kafka: measure over at least all but the newest window, so a rate is not
                // inflated right after start or a window roll.
                final double elapsedMs = Math.max(nowMs - oldest, windowMs * (start.length - 1));
                final double amount = kind == Kind.RATE ? totalSum : totalCount;
                return elapsedMs <= 0 ? 0 : amount * 1000.0 / elapsedMs;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
