package dev.sluice.client.internal.metrics;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.internal.util.Time;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A client's metric registry: sensors feeding windowed stats, and gauges read on demand.
 * Readers see a snapshot map of {@link MetricName} to current value suppliers. Thread-safe.
 */
public final class Metrics {
    private final Time time;
    private final Map<MetricName, DoubleSupplier> metrics = Collections.synchronizedMap(new LinkedHashMap<>());

    public Metrics(final Time time) {
        this.time = time;
    }

    /** A new sensor; attach stats with {@link #stat}. */
    public Sensor sensor() {
        return new Sensor(time);
    }

    /** Registers {@code stat}, fed by {@code sensor}, under {@code key}. */
    public void stat(final Sensor sensor, final MetricName key, final Stat stat) {
        sensor.add(stat);
        metrics.put(key, () -> stat.measure(time.milliseconds()));
    }

    /** Registers a value read on demand, such as free buffer memory. */
    public void gauge(final MetricName key, final DoubleSupplier value) {
        metrics.put(key, value);
    }

    /** Current value of one metric, or NaN if unknown. */
    public double value(final MetricName key) {
        final DoubleSupplier s = metrics.get(key);
        return s == null ? Double.NaN : s.getAsDouble();
    }

    /** All registered metrics, in registration order. */
    public Map<MetricName, DoubleSupplier> all() {
        synchronized (metrics) {
            return new LinkedHashMap<>(metrics);
        }
    }

    /**
     * All registered metrics as the public API's {@link Metric} views, in registration order: what
     * {@code Producer.metrics()} and {@code Consumer.metrics()} return. Each view reads its live
     * value when asked; the map itself is an unmodifiable snapshot of the registrations.
     */
    public Map<MetricName, Metric> publicView() {
        final Map<MetricName, Metric> out = new LinkedHashMap<>();
        for (final Map.Entry<MetricName, DoubleSupplier> e : all().entrySet()) {
            final MetricName name = e.getKey();
            final DoubleSupplier value = e.getValue();
            out.put(name, new Metric() {
                @Override
                public MetricName metricName() {
                    return name;
                }

                @Override
                public Object metricValue() {
                    return value.getAsDouble();
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    /** Finds the metric named {@code name} (any group, any tags), for tools and tests. */
    public double value(final String name) {
        synchronized (metrics) {
            for (final Map.Entry<MetricName, DoubleSupplier> e : metrics.entrySet()) {
                if (e.getKey().name().equals(name)) {
                    return e.getValue().getAsDouble();
                }
            }
        }
        return Double.NaN;
    }
}
