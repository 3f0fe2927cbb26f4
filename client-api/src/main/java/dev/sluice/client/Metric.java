package dev.sluice.client;

/** A metric's current value. Reading it is safe from any thread. */
public interface Metric {
    MetricName metricName();

    /** The current value: usually a {@link Double}, sometimes a string or other object for informational metrics. */
    Object metricValue();
}
