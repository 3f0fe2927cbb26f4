package dev.sluice.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --flag value} options of the benchmark drivers ({@code producer-bench}, {@code consumer-bench}).
 * Every flag takes a value; an unknown flag, a missing value or a value of the wrong shape is an
 * {@link IllegalArgumentException} that names the flag. Immutable once parsed.
 */
final class BenchOptions {
    private final Map<String, String> values;

    private BenchOptions(final Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param known flag names without the leading {@code --}
     * @throws IllegalArgumentException naming the flag that is unknown or lacks its value
     */
    static BenchOptions parse(final String[] args, final Set<String> known) {
        final Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            final String flag = args[i];
            if (!flag.startsWith("--") || !known.contains(flag.substring(2))) {
                throw new IllegalArgumentException("unknown option " + flag + " (known: --" + String.join(", --",
                    known.stream().sorted().toList()) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + flag + " needs a value");
            }
            values.put(flag.substring(2), args[i + 1]);
        }
        return new BenchOptions(values);
    }

    String text(final String name, final String fallback) {
        return values.getOrDefault(name, fallback);
    }

    List<String> list(final String name, final String fallback) {
        final List<String> out = new ArrayList<>();
        for (final String v : text(name, fallback).split(",")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("option --" + name + " needs at least one value");
        }
        return out;
    }

    /** A positive count. */
    long positiveLong(final String name, final long fallback) {
        return wholeNumber(name, fallback, 1, "a positive whole number");
    }

    /** A whole number of zero or more. */
    long nonNegativeLong(final String name, final long fallback) {
        return wholeNumber(name, fallback, 0, "a whole number of 0 or more");
    }

    private long wholeNumber(final String name, final long fallback, final long min, final String what) {
        final String v = text(name, Long.toString(fallback));
        try {
            final long n = Long.parseLong(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (final NumberFormatException ignored) {
            // reported below with the flag's name
        }
        throw new IllegalArgumentException("option --" + name + " takes " + what + ", not " + v);
    }

    /** A positive number, fractions allowed. */
    double positiveDouble(final String name, final double fallback) {
        return number(name, fallback, false, "a positive number");
    }

    /** A number of zero or more, fractions allowed. */
    double nonNegativeDouble(final String name, final double fallback) {
        return number(name, fallback, true, "a number of 0 or more");
    }

    private double number(final String name, final double fallback, final boolean zeroAllowed, final String what) {
        final String v = text(name, Double.toString(fallback));
        try {
            final double n = Double.parseDouble(v.trim());
            if ((n > 0 || zeroAllowed && n == 0) && Double.isFinite(n)) {
                return n;
            }
        } catch (final NumberFormatException ignored) {
            // reported below with the flag's name
        }
        throw new IllegalArgumentException("option --" + name + " takes " + what + ", not " + v);
    }

    /** Whether the flag was given. */
    boolean has(final String name) {
        return values.containsKey(name);
    }

    int positiveInt(final String name, final int fallback) {
        return Math.toIntExact(positiveLong(name, fallback));
    }

    /** Comma-separated whole numbers, each at least {@code min}. */
    List<Integer> ints(final String name, final String fallback, final int min) {
        final List<Integer> out = new ArrayList<>();
        for (final String v : list(name, fallback)) {
            try {
                final int n = Integer.parseInt(v);
                if (n >= min) {
                    out.add(n);
                    continue;
                }
            } catch (final NumberFormatException ignored) {
                // reported below with the flag's name
            }
            throw new IllegalArgumentException("option --" + name + " takes whole numbers of at least " + min + ", not " + v);
        }
        return out;
    }

    /** Comma-separated values, each one of {@code allowed}. */
    List<String> choices(final String name, final String fallback, final Set<String> allowed) {
        final List<String> out = list(name, fallback);
        for (final String v : out) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("option --" + name + " takes " + String.join(", ",
                    allowed.stream().sorted().toList()) + ", not " + v);
            }
        }
        return out;
    }

    Path path(final String name, final String fallback) {
        return Path.of(text(name, fallback));
    }
}
