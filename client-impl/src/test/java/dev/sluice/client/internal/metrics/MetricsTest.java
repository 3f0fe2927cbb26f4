package dev.sluice.client.internal.metrics;

import dev.sluice.client.MetricName;
import dev.sluice.client.internal.util.MockTime;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private final MockTime time = new MockTime();
    private final Metrics metrics = new Metrics(time);

    private static MetricName key(final String name) {
        return new MetricName(name, "producer-metrics", "", Map.of("client-id", "c1"));
    }

    @Test
    void shouldAverageAndMaxRecordedValues() {
        final Sensor sizes = metrics.sensor();
        metrics.stat(sizes, key("batch-size-avg"), SampledStat.of(SampledStat.Kind.AVG));
        metrics.stat(sizes, key("batch-size-max"), SampledStat.of(SampledStat.Kind.MAX));
        sizes.record(100);
        sizes.record(300);
        assertEquals(200.0, metrics.value("batch-size-avg"));
        assertEquals(300.0, metrics.value("batch-size-max"));
    }

    @Test
    void shouldForgetSamplesOlderThanTheWindow() {
        final Sensor sizes = metrics.sensor();
        metrics.stat(sizes, key("batch-size-avg"), SampledStat.of(SampledStat.Kind.AVG));
        sizes.record(1000);
        time.advance(61_000);
        sizes.record(10);
        assertEquals(10.0, metrics.value("batch-size-avg"));
    }

    @Test
    void shouldComputeRatePerSecondOverTheWindow() {
        final Sensor sends = metrics.sensor();
        metrics.stat(sends, key("record-send-rate"), SampledStat.of(SampledStat.Kind.TOTAL_RATE_COUNT));
        for (int i = 0; i < 300; i++) {
            sends.record(5); // counts occurrences, not the value
        }
        time.advance(30_000);
        assertEquals(10.0, metrics.value("record-send-rate"), 0.01);
    }

    @Test
    void shouldExposeMetricsAsMBeanAttributes() throws Exception {
        final Sensor sizes = metrics.sensor();
        metrics.stat(sizes, key("batch-size-avg"), SampledStat.of(SampledStat.Kind.AVG));
        metrics.gauge(key("buffer-available-bytes"), () -> 1234);
        sizes.record(50);
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (JmxReporter reporter = new JmxReporter(metrics, "producer-metrics", "c1")) {
            assertEquals("dev.sluice:type=producer-metrics,client-id=c1", reporter.objectName().toString());
            assertEquals(50.0, server.getAttribute(reporter.objectName(), "batch-size-avg"));
            assertEquals(1234.0, server.getAttribute(reporter.objectName(), "buffer-available-bytes"));
            reporter.close();
            assertFalse(server.isRegistered(reporter.objectName()));
        }
        assertTrue(Double.isNaN(metrics.value("no-such-metric")));
    }
}
