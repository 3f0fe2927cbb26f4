package dev.sluice.client.config;

import dev.sluice.client.errors.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Declares configuration keys and parses user properties against them.
 *
 * <p>Values may be given as strings (as read from a properties file) or as typed objects:
 * {@code "5"}, {@code 5} and {@code 5L} are all fine for an int or long key as long as the number
 * fits; lists are comma-separated strings or {@link List}s; classes are names or {@link Class} objects.
 * Keys that no definition names are not errors: they are collected in
 * {@link ParsedConfig#unknownKeys()} so the client can warn once (a typo is then visible without
 * breaking a deployment that carries properties for another client).
 *
 * <p>Build once (in a static initializer), then {@link #freeze()}; a frozen definition is immutable
 * and safe to share between threads.
 */
public final class ConfigDef {
    /** The value types a key can have. */
    public enum Type { BOOLEAN, STRING, INT, LONG, DOUBLE, LIST, CLASS }

    /** How much a user is expected to care about a key; documentation only. */
    public enum Importance { HIGH, MEDIUM, LOW }

    /** Marks a key the user must set. */
    public static final Object NO_DEFAULT = new Object() {
        @Override
        public String toString() {
            return "<no default>";
        }
    };

    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final List<String> pluginPrefixes = new ArrayList<>();
    private boolean frozen;

    /**
     * Declares a key.
     *
     * @param defaultValue parsed like a user value; {@link #NO_DEFAULT} for a required key; may be {@code null}
     * @param validator {@code null} to accept any value of the type
     * @throws IllegalArgumentException if the name is taken or the default does not pass the validator
     */
    public ConfigDef define(final String name, final Type type, final Object defaultValue, final Validator validator,
                            final Importance importance, final String documentation) {
        return add(name, type, defaultValue, validator, importance, documentation, null, null);
    }

    /** Declares a key whose every value of the right type is valid. */
    public ConfigDef define(final String name, final Type type, final Object defaultValue,
                            final Importance importance, final String documentation) {
        return add(name, type, defaultValue, null, importance, documentation, null, null);
    }

    /**
     * Declares a {@link Type#CLASS} key.
     *
     * @param supertype the class given must be assignable to this
     * @param aliases maps a name to a class before falling back to loading it (used to accept
     *     kafka-clients' class names); returns {@code null} for names it does not know; may be {@code null}
     */
    public ConfigDef defineClass(final String name, final Class<?> defaultValue, final Class<?> supertype,
                                 final Function<String, Class<?>> aliases, final Importance importance,
                                 final String documentation) {
        return add(name, Type.CLASS, defaultValue, null, importance, documentation,
            Objects.requireNonNull(supertype, "supertype"), aliases);
    }

    /**
     * Keys starting with this prefix are meant for plugins (serializers, partitioners), not unknown:
     * e.g. {@code key.serializer.} covers {@code key.serializer.encoding}.
     */
    public ConfigDef allowPrefix(final String prefix) {
        checkNotFrozen();
        pluginPrefixes.add(prefix);
        return this;
    }

    /** Forbids further definitions. @return this */
    public ConfigDef freeze() {
        frozen = true;
        return this;
    }

    private void checkNotFrozen() {
        if (frozen) {
            throw new IllegalStateException("This ConfigDef is frozen");
        }
    }

    private ConfigDef add(final String name, final Type type, final Object defaultValue, final Validator validator,
                          final Importance importance, final String documentation, final Class<?> supertype,
                          final Function<String, Class<?>> aliases) {
        checkNotFrozen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (keys.containsKey(name)) {
            throw new IllegalArgumentException("Configuration " + name + " is defined twice");
        }
        final boolean hasDefault = defaultValue != NO_DEFAULT;
        final ConfigKey draft = new ConfigKey(name, type, null, hasDefault, validator, importance, documentation,
            supertype, aliases);
        Object parsedDefault = null;
        if (hasDefault && defaultValue != null) {
            try {
                parsedDefault = parseValue(draft, defaultValue);
            } catch (final ConfigException e) {
                throw new IllegalArgumentException("Bad default for " + name + ": " + e.getMessage(), e);
            }
        }
        keys.put(name, new ConfigKey(name, type, parsedDefault, hasDefault, validator, importance, documentation,
            supertype, aliases));
        return this;
    }

    /** The declared keys, in declaration order. */
    public Map<String, ConfigKey> keys() {
        return Collections.unmodifiableMap(keys);
    }

    /** The key of this name, or {@code null}. */
    public ConfigKey key(final String name) {
        return keys.get(name);
    }

    /**
     * Parses properties, including those inherited from the {@link Properties}' defaults. Keys must be
     * strings; values may be strings or typed objects (see class doc).
     */
    public ParsedConfig parse(final Properties properties) {
        final Map<String, Object> map = new LinkedHashMap<>();
        // stringPropertyNames() sees the defaults chain; entrySet() sees typed (non-string) values.
        for (final String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        for (final Map.Entry<Object, Object> e : properties.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new ConfigException("Configuration keys must be strings, but got " + e.getKey()
                    + " of type " + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            map.put((String) e.getKey(), e.getValue());
        }
        return parse(map);
    }

    /**
     * Parses and validates every declared key, applying defaults for keys not given.
     *
     * @throws ConfigException for the first key, in declaration order, whose value is bad or missing
     */
    public ParsedConfig parse(final Map<String, ?> originals) {
        Objects.requireNonNull(originals, "originals");
        // Not containsKey(null): immutable maps throw on it.
        for (final String name : originals.keySet()) {
            if (name == null) {
                throw new ConfigException("Configuration keys must not be null");
            }
        }
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final ConfigKey key : keys.values()) {
            if (originals.containsKey(key.name())) {
                values.put(key.name(), parseValue(key, originals.get(key.name())));
            } else if (key.hasDefault()) {
                values.put(key.name(), key.defaultValue());
            } else {
                throw new ConfigException("Missing required configuration " + key.name() + ", which has no default value");
            }
        }
        final Set<String> userSet = new LinkedHashSet<>();
        final Set<String> unknown = new LinkedHashSet<>();
        for (final String name : originals.keySet()) {
            if (keys.containsKey(name)) {
                userSet.add(name);
            } else if (!isPluginKey(name)) {
                unknown.add(name);
            }
        }
        return new ParsedConfig(this, values, new LinkedHashMap<>(originals), userSet, unknown);
    }

    private boolean isPluginKey(final String name) {
        for (final String prefix : pluginPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Converts and validates one value for {@code key}. A null value is accepted only where null is the default. */
    static Object parseValue(final ConfigKey key, final Object value) {
        if (value == null) {
            if (key.hasDefault() && key.defaultValue() == null) {
                return null;
            }
            throw new ConfigException(key.name(), null, "must not be null");
        }
        final Object parsed = ValueParser.parse(key, value);
        if (key.validator() != null && !key.validator().isValid(parsed)) {
            throw new ConfigException(key.name(), value, key.validator().describe());
        }
        return parsed;
    }
}
