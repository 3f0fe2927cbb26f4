package dev.sluice.benchmarks.broker;

/**
 * A cgroup's CPU counters at one moment; the difference of two samples describes what happened to
 * the broker between them.
 *
 * @param nanoTime         {@link System#nanoTime()} when read
 * @param usageNanos       CPU time used by every task of the cgroup so far, nanoseconds
 * @param periods          CFS periods (100 ms each) in which the cgroup had work to run
 * @param throttledPeriods of those, the periods in which it used up its quota and was stopped
 */
record CgroupCpuSample(long nanoTime, long usageNanos, long periods, long throttledPeriods) {

    /**
     * The share of active periods in which the broker was throttled between {@code earlier} and this
     * sample: near 1 means it wanted more CPU than its quota nearly all the time, i.e. it was the
     * bottleneck; NaN if it never had work to run.
     */
    double throttledFractionSince(final CgroupCpuSample earlier) {
        final long active = periods - earlier.periods;
        return active == 0 ? Double.NaN : (throttledPeriods - earlier.throttledPeriods) / (double) active;
    }

    /**
     * The share of its budget ({@code fraction} of a core over the elapsed wall time) the broker used
     * between {@code earlier} and this sample; near 1 means the quota was the limit.
     */
    double budgetUsedSince(final CgroupCpuSample earlier, final double fraction) {
        final long elapsed = nanoTime - earlier.nanoTime;
        return elapsed == 0 ? Double.NaN : (usageNanos - earlier.usageNanos) / (elapsed * fraction);
    }
}
