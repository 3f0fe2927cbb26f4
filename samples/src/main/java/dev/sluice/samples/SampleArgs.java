package dev.sluice.samples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code --flag value} options of one sample, checked against the flags it knows. Immutable.
 *
 * <p>Bad input (an unknown flag, a flag without its value, a number that is not one) is an
 * {@link IllegalArgumentException} whose message names the flag; {@link #orExit} turns it into the
 * message, the usage line and exit status 2.
 */
public final class SampleArgs {
    private final Map<String, String> values;

    private SampleArgs(final Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param known the flags the sample takes, each with its leading {@code --}; every one takes a value
     * @throws IllegalArgumentException naming the first flag that is unknown, repeated or lacks a value
     */
    public static SampleArgs parse(final String[] args, final Set<String> known) {
        final Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            final String flag = args[i];
            if (!known.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (values.put(flag, args[++i]) != null) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
        }
        return new SampleArgs(Map.copyOf(values));
    }

    /** The flag's value, or {@code fallback} (may be {@code null}) when it was not given. */
    public String string(final String flag, final String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /**
     * @throws IllegalArgumentException naming the flag if its value is not a whole number of at least {@code min}
     */
    public int intAtLeast(final String flag, final int fallback, final int min) {
        final String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        final int value;
        try {
            value = Integer.parseInt(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, not '" + text + "'", e);
        }
        if (value < min) {
            throw new IllegalArgumentException(flag + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /**
     * Runs {@code parse}; if it rejects the input, prints why and the usage to stderr and ends the JVM
     * with status 2, as Kafka's tools do. For a sample's {@code main} only.
     */
    public static <T> T orExit(final String usage, final Supplier<T> parse) {
        try {
            return parse.get();
        } catch (final IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            throw e; // not reached
        }
    }
}
