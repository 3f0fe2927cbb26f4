package dev.sluice.client.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of {@link ConfigDef#parse}: every declared key with its typed value (default or given),
 * the original properties, which keys the user set, and which keys nobody declared. Immutable and
 * safe to share between threads.
 *
 * <p>Typed accessors are strict: asking {@link #intValue} of a LONG key is a programming error
 * ({@link IllegalArgumentException}), not a configuration error.
 */
public final class ParsedConfig {
    private final ConfigDef definition;
    private final Map<String, Object> values;
    private final Map<String, Object> originals;
    private final Set<String> userSet;
    private final Set<String> unknownKeys;

    ParsedConfig(final ConfigDef definition, final Map<String, Object> values, final Map<String, Object> originals,
                 final Set<String> userSet, final Set<String> unknownKeys) {
        this.definition = definition;
        this.values = Collections.unmodifiableMap(values);
        this.originals = Collections.unmodifiableMap(originals);
        this.userSet = Collections.unmodifiableSet(userSet);
        this.unknownKeys = Collections.unmodifiableSet(unknownKeys);
    }

    public ConfigDef definition() {
        return definition;
    }

    /**
     * A copy with one declared key's value replaced, for cross-key rules that adjust a value the user
     * did not set (e.g. turning idempotence off). The replacement is validated like user input.
     */
    public ParsedConfig with(final String name, final Object value) {
        final ConfigKey key = require(name);
        final Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, ConfigDef.parseValue(key, value));
        return new ParsedConfig(definition, copy, originals, userSet, unknownKeys);
    }

    /** The typed value of a declared key; may be {@code null} where null is the default. */
    public Object value(final String name) {
        require(name);
        return values.get(name);
    }

    public int intValue(final String name) {
        return (Integer) typed(name, ConfigDef.Type.INT);
    }

    public long longValue(final String name) {
        return (Long) typed(name, ConfigDef.Type.LONG);
    }

    public double doubleValue(final String name) {
        return (Double) typed(name, ConfigDef.Type.DOUBLE);
    }

    public boolean booleanValue(final String name) {
        return (Boolean) typed(name, ConfigDef.Type.BOOLEAN);
    }

    /** The string, trimmed; {@code null} where that is the default. */
    public String stringValue(final String name) {
        return (String) typed(name, ConfigDef.Type.STRING);
    }

    /** An unmodifiable list of trimmed entries. */
    @SuppressWarnings("unchecked")
    public List<String> listValue(final String name) {
        return (List<String>) typed(name, ConfigDef.Type.LIST);
    }

    /** The resolved class, or {@code null} where that is the default. */
    public Class<?> classValue(final String name) {
        return (Class<?>) typed(name, ConfigDef.Type.CLASS);
    }

    /** Whether the user gave this key explicitly (even with the default value). */
    public boolean isUserSet(final String name) {
        return userSet.contains(name);
    }

    /** Keys the user gave that no definition declares, in the order given. Not an error: log each once. */
    public Set<String> unknownKeys() {
        return unknownKeys;
    }

    /** Everything the user gave, unparsed, including unknown keys (serializers read theirs from here). */
    public Map<String, Object> originals() {
        return originals;
    }

    /** Every declared key and its typed value, in declaration order. */
    public Map<String, Object> values() {
        return values;
    }

    private ConfigKey require(final String name) {
        final ConfigKey key = definition.key(name);
        if (key == null) {
            throw new IllegalArgumentException("No configuration named " + name + " is defined");
        }
        return key;
    }

    private Object typed(final String name, final ConfigDef.Type type) {
        final ConfigKey key = require(name);
        if (key.type() != type) {
            throw new IllegalArgumentException("Configuration " + name + " is of type " + key.type() + ", not " + type);
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return "ParsedConfig" + values;
    }
}
