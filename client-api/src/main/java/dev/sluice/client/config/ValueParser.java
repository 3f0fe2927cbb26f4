package dev.sluice.client.config;

import dev.sluice.client.errors.ConfigException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Converts a user-given value (string or typed object) to a key's type. */
final class ValueParser {
    private ValueParser() {
    }

    static Object parse(final ConfigKey key, final Object value) {
        switch (key.type()) {
            case BOOLEAN:
                return parseBoolean(key, value);
            case STRING:
                if (value instanceof String) {
                    return ((String) value).trim();
                }
                throw new ConfigException(key.name(), value, "expected a string");
            case INT:
                return parseInt(key, value);
            case LONG:
                return parseLong(key, value);
            case DOUBLE:
                return parseDouble(key, value);
            case LIST:
                return parseList(key, value);
            case CLASS:
                return parseClass(key, value);
            default:
                throw new IllegalStateException("Unhandled type " + key.type());
        }
    }

    private static Boolean parseBoolean(final ConfigKey key, final Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            final String text = ((String) value).trim().toLowerCase(Locale.ROOT);
            if (text.equals("true")) {
                return Boolean.TRUE;
            }
            if (text.equals("false")) {
                return Boolean.FALSE;
            }
        }
        throw new ConfigException(key.name(), value, "expected true or false");
    }

    private static Integer parseInt(final ConfigKey key, final Object value) {
        if (value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof Short || value instanceof Byte
            || (value instanceof Long && (Long) value == ((Long) value).intValue())) {
            return ((Number) value).intValue();
        }
        if (value instanceof String) {
            try {
                return Integer.valueOf(((String) value).trim());
            } catch (final NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(key.name(), value, "expected a 32-bit integer");
    }

    private static Long parseLong(final ConfigKey key, final Object value) {
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String) {
            try {
                return Long.valueOf(((String) value).trim());
            } catch (final NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(key.name(), value, "expected a 64-bit integer");
    }

    private static Double parseDouble(final ConfigKey key, final Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String) {
            try {
                return Double.valueOf(((String) value).trim());
            } catch (final NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(key.name(), value, "expected a number");
    }

    private static List<String> parseList(final ConfigKey key, final Object value) {
        final List<String> result = new ArrayList<>();
        if (value instanceof String) {
            final String text = ((String) value).trim();
            if (!text.isEmpty()) {
                for (final String part : text.split(",", -1)) {
                    result.add(part.trim());
                }
            }
        } else if (value instanceof List) {
            for (final Object element : (List<?>) value) {
                if (element instanceof String) {
                    result.add(((String) element).trim());
                } else if (element instanceof Class) {
                    result.add(((Class<?>) element).getName());
                } else {
                    throw new ConfigException(key.name(), value, "expected a list of strings, but an entry is "
                        + (element == null ? "null" : "a " + element.getClass().getName()));
                }
            }
        } else {
            throw new ConfigException(key.name(), value, "expected a comma-separated list");
        }
        return Collections.unmodifiableList(result);
    }

    private static Class<?> parseClass(final ConfigKey key, final Object value) {
        final String name;
        Class<?> resolved = null;
        if (value instanceof Class) {
            name = ((Class<?>) value).getName();
            resolved = (Class<?>) value;
        } else if (value instanceof String) {
            name = ((String) value).trim();
        } else {
            throw new ConfigException(key.name(), value, "expected a class or a class name");
        }
        final Class<?> alias = key.classAliases() == null ? null : key.classAliases().apply(name);
        if (alias != null) {
            resolved = alias;
        } else if (resolved == null) {
            resolved = load(key, name);
        }
        if (key.requiredSupertype() != null && !key.requiredSupertype().isAssignableFrom(resolved)) {
            throw new ConfigException(key.name(), value, "must be a class implementing "
                + key.requiredSupertype().getName());
        }
        return resolved;
    }

    private static Class<?> load(final ConfigKey key, final String name) {
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, true, context != null ? context : ValueParser.class.getClassLoader());
        } catch (final ClassNotFoundException | LinkageError e) {
            throw new ConfigException(key.name(), name, "class not found on the classpath");
        }
    }
}
