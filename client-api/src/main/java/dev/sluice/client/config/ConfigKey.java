package dev.sluice.client.config;

import java.util.function.Function;

/**
 * One declared configuration key. Immutable. The default is stored already parsed to the key's
 * type, and was validated when the key was defined.
 */
public final class ConfigKey {
    private final String name;
    private final ConfigDef.Type type;
    private final Object defaultValue;
    private final boolean hasDefault;
    private final Validator validator;
    private final ConfigDef.Importance importance;
    private final String documentation;
    private final Class<?> requiredSupertype;
    private final Function<String, Class<?>> classAliases;

    ConfigKey(final String name, final ConfigDef.Type type, final Object defaultValue, final boolean hasDefault,
              final Validator validator, final ConfigDef.Importance importance, final String documentation,
              final Class<?> requiredSupertype, final Function<String, Class<?>> classAliases) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
        this.validator = validator;
        this.importance = importance;
        this.documentation = documentation;
        this.requiredSupertype = requiredSupertype;
        this.classAliases = classAliases;
    }

    public String name() {
        return name;
    }

    public ConfigDef.Type type() {
        return type;
    }

    /** The parsed default, possibly {@code null}; meaningless when {@link #hasDefault()} is false. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** {@code false} for a required key, which the user must set. */
    public boolean hasDefault() {
        return hasDefault;
    }

    /** The validator, or {@code null} if any value of the right type is accepted. */
    public Validator validator() {
        return validator;
    }

    public ConfigDef.Importance importance() {
        return importance;
    }

    /** One line saying what the key does. */
    public String documentation() {
        return documentation;
    }

    /** For {@link ConfigDef.Type#CLASS} keys: the type the class must extend or implement, else {@code null}. */
    public Class<?> requiredSupertype() {
        return requiredSupertype;
    }

    /** For {@link ConfigDef.Type#CLASS} keys: maps a class name to a class without loading it, or returns {@code null}. */
    Function<String, Class<?>> classAliases() {
        return classAliases;
    }

    @Override
    public String toString() {
        return name + " (" + type + ", default " + (hasDefault ? defaultValue : "none, required") + ")";
    }
}
