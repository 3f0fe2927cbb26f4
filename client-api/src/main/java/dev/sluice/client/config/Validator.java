package dev.sluice.client.config;

/**
 * Checks one parsed configuration value. A validator only answers yes or no and says, in a phrase,
 * what it accepts; {@link ConfigDef} turns a "no" into a
 * {@link dev.sluice.client.errors.ConfigException} that names the key and the value.
 */
public interface Validator {
    /** @param value the value after type conversion; may be {@code null} */
    boolean isValid(Object value);

    /** What is allowed, completing "Invalid value x for configuration k: ...", e.g. {@code must be at least 0}. */
    String describe();
}
