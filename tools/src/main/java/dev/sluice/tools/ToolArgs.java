package dev.sluice.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Command-line flags in Kafka's tool style: {@code --name value}, boolean {@code --name}, and
 * repeatable {@code --property key=value}. Unknown flags are errors that name the flag.
 */
final class ToolArgs {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();

    private ToolArgs() {
    }

    /**
     * @param withValue flags that take a value
     * @param switches  flags without one
     * @throws IllegalArgumentException naming the offending flag
     */
    static ToolArgs parse(final String[] args, final Set<String> withValue, final Set<String> switches) {
        final ToolArgs out = new ToolArgs();
        for (int i = 0; i < args.length; i++) {
            final String flag = args[i];
            if (switches.contains(flag)) {
                out.values.put(flag, "true");
            } else if (withValue.contains(flag)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + flag + " requires a value");
                }
                final String value = args[++i];
                out.values.put(flag, value);
                out.repeated.computeIfAbsent(flag, k -> new ArrayList<>()).add(value);
            } else {
                throw new IllegalArgumentException("Unknown option " + flag);
            }
        }
        return out;
    }

    String value(final String flag, final String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    String required(final String flag) {
        final String v = values.get(flag);
        if (v == null) {
            throw new IllegalArgumentException("Missing required option " + flag);
        }
        return v;
    }

    boolean has(final String flag) {
        return values.containsKey(flag);
    }

    long longValue(final String flag, final long fallback) {
        final String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("Option " + flag + " must be a number, not '" + v + "'");
        }
    }

    List<String> all(final String flag) {
        return repeated.getOrDefault(flag, List.of());
    }

    /** key=value pairs of a repeatable flag. */
    Map<String, String> pairs(final String flag) {
        final Map<String, String> out = new HashMap<>();
        for (final String pair : all(flag)) {
            final int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Option " + flag + " expects key=value, not '" + pair + "'");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return out;
    }

    /** Reads a client config file (Java properties) into {@code into}. */
    static void loadConfigFile(final String path, final Map<String, Object> into) {
        final Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(path))) {
            props.load(reader);
        } catch (final IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + path + ": " + e.getMessage(), e);
        }
        props.stringPropertyNames().forEach(name -> into.put(name, props.getProperty(name)));
    }
}
