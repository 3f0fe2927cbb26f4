package dev.sluice.samples.support;

import java.util.Map;

/**
 * One configuration in a comparison: a short label for tables and charts and the producer settings
 * that make it, e.g. {@code ("linger 5 / 16 KiB", {linger.ms=5, batch.size=16384})}.
 */
public record Variant(String label, Map<String, Object> producerSettings) {
    public Variant {
        producerSettings = Map.copyOf(producerSettings);
    }

    /** The setting's value as given, or null when this variant leaves it at the default. */
    public String setting(final String key) {
        final Object value = producerSettings.get(key);
        return value == null ? null : value.toString();
    }
}
