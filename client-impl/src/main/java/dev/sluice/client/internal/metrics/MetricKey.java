package dev.sluice.client.internal.metrics;

import java.util.Map;

/**
 * The identity of one metric in Kafka's naming: a name ({@code record-send-rate}) within a group
 * ({@code producer-metrics}) with tags ({@code client-id}).
 */
public record MetricKey(String name, String group, String description, Map<String, String> tags) {
    public MetricKey {
        tags = Map.copyOf(tags);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof MetricKey other && name.equals(other.name) && group.equals(other.group)
            && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + group.hashCode()) * 31 + tags.hashCode();
    }
}
