package dev.sluice.client.internal.metrics;

import dev.sluice.client.internal.util.Time;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One stream of observations (say, batch sizes) feeding several stats. Thread-safe. */
public final class Sensor {
    private final Time time;
    private final List<Stat> stats = new CopyOnWriteArrayList<>();

    Sensor(final Time time) {
        this.time = time;
    }

    void add(final Stat stat) {
        stats.add(stat);
    }

    /** Records one observation now. */
    public void record(final double value) {
        record(value, time.milliseconds());
    }

    public void record(final double value, final long nowMs) {
        for (final Stat stat : stats) {
            stat.record(value, nowMs);
        }
    }

    /** Records a count of one. */
    public void record() {
        record(1.0);
    }
}
