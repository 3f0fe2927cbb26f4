package dev.sluice.client.config;

import dev.sluice.client.errors.ConfigException;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the producer and consumer configurations: a {@link ParsedConfig} with typed accessors and
 * plugin instantiation. Immutable once constructed.
 */
public abstract class ClientConfig {
    private final ParsedConfig parsed;

    protected ClientConfig(final ParsedConfig parsed) {
        this.parsed = parsed;
    }

    /** The parsed values, after cross-key rules were applied. */
    public ParsedConfig parsed() {
        return parsed;
    }

    public int intValue(final String name) {
        return parsed.intValue(name);
    }

    public long longValue(final String name) {
        return parsed.longValue(name);
    }

    public double doubleValue(final String name) {
        return parsed.doubleValue(name);
    }

    public boolean booleanValue(final String name) {
        return parsed.booleanValue(name);
    }

    public String stringValue(final String name) {
        return parsed.stringValue(name);
    }

    public List<String> listValue(final String name) {
        return parsed.listValue(name);
    }

    public Class<?> classValue(final String name) {
        return parsed.classValue(name);
    }

    public boolean isUserSet(final String name) {
        return parsed.isUserSet(name);
    }

    /** Keys given that this client does not know; the implementation logs each once. */
    public Set<String> unknownKeys() {
        return parsed.unknownKeys();
    }

    /** Everything the user gave, unparsed; passed to plugins' {@code configure}. */
    public Map<String, Object> originals() {
        return parsed.originals();
    }

    /** The entries of a host:port list key such as {@code bootstrap.servers}, parsed. */
    protected List<HostPort> hostPorts(final String key) {
        return parsed.listValue(key).stream().map(HostPort::parse).toList();
    }

    /**
     * Instantiates the class a CLASS key names through its public no-argument constructor.
     *
     * @return the new instance, or {@code null} if the key's value is {@code null}
     * @throws ConfigException naming the key if the class cannot be instantiated
     */
    protected <T> T newInstance(final String key, final Class<T> type) {
        final Class<?> cls = parsed.classValue(key);
        if (cls == null) {
            return null;
        }
        try {
            return type.cast(cls.getDeclaredConstructor().newInstance());
        } catch (final NoSuchMethodException e) {
            throw new ConfigException(key, cls.getName(), "the class needs a public no-argument constructor");
        } catch (final InvocationTargetException e) {
            throw new ConfigException(key, cls.getName(), "the constructor threw " + e.getCause());
        } catch (final ReflectiveOperationException | ClassCastException e) {
            throw new ConfigException(key, cls.getName(), "could not be instantiated: " + e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parsed.values();
    }
}
