package dev.sluice.samples.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Command-line flags as Kafka's tools take them: {@code --name value}, switches such as
 * {@code --help}, and flags that may repeat ({@code --property a=b --property c=d}). Every mistake
 * is a {@link UsageException} naming the flag. Immutable once parsed.
 */
public final class SampleArgs {
    private final Map<String, List<String>> values;

    private SampleArgs(final Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param withValue flags that take a value
     * @param switches  flags that take none
     * @throws UsageException for an unknown flag or a flag missing its value
     */
    public static SampleArgs parse(final String[] args, final Set<String> withValue, final Set<String> switches) {
        final Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            final String flag = args[i];
            if (switches.contains(flag)) {
                values.computeIfAbsent(flag, f -> new ArrayList<>()).add("true");
            } else if (withValue.contains(flag)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + flag + " needs a value");
                }
                values.computeIfAbsent(flag, f -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new UsageException("unknown option '" + flag + "' (see --help)");
            }
        }
        return new SampleArgs(values);
    }

    public boolean has(final String flag) {
        return values.containsKey(flag);
    }

    /** @return the last value given for {@code flag}, or {@code fallback} when absent */
    public String string(final String flag, final String fallback) {
        final List<String> given = values.get(flag);
        return given == null ? fallback : given.get(given.size() - 1);
    }

    /** @return every value given for a repeatable flag, in order; empty when absent */
    public List<String> all(final String flag) {
        return List.copyOf(values.getOrDefault(flag, List.of()));
    }

    /**
     * @return the flag's value as a whole number in [{@code min}, {@code max}] (underscores allowed:
     *     {@code 1_000_000}), or {@code fallback} when absent
     * @throws UsageException when the value is not a number or out of range
     */
    public long number(final String flag, final long fallback, final long min, final long max) {
        final String text = string(flag, null);
        if (text == null) {
            return fallback;
        }
        final long value;
        try {
            value = Long.parseLong(text.trim().replace("_", ""));
        } catch (final NumberFormatException e) {
            throw new UsageException("option " + flag + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageException("option " + flag + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /**
     * Parses {@code args} (flags that take a value, no switches) and reads what the sample needs
     * from them; on a {@link UsageException} prints it and the usage to stderr and ends the JVM with
     * status 2, as Kafka's tools do. For a small sample's {@code main} only.
     */
    public static <T> T orExit(final String[] args, final Set<String> withValue, final String usage,
                               final Function<SampleArgs, T> read) {
        try {
            return read.apply(parse(args, withValue, Set.of()));
        } catch (final UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw e; // not reached
        }
    }
}
