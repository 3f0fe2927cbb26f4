package dev.sluice.client.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The validators configuration keys use. All are stateless and may be shared. */
public final class Validators {
    private Validators() {
    }

    /** A number not below {@code min}. */
    public static Validator atLeast(final long min) {
        return of(v -> v instanceof Number && ((Number) v).longValue() >= min, "must be at least " + min);
    }

    /** A number in {@code [min, max]}, both ends included. */
    public static Validator between(final long min, final long max) {
        return of(v -> v instanceof Number && ((Number) v).longValue() >= min && ((Number) v).longValue() <= max,
            "must be between " + min + " and " + max + " inclusive");
    }

    /** Either of two validators accepts the value. */
    public static Validator either(final Validator first, final Validator second) {
        return of(v -> first.isValid(v) || second.isValid(v), first.describe() + ", or " + second.describe());
    }

    /** Exactly this number. */
    public static Validator equalTo(final long expected) {
        return of(v -> v instanceof Number && ((Number) v).longValue() == expected, "must be " + expected);
    }

    /** One of the given strings, compared case-sensitively. */
    public static Validator oneOf(final String... options) {
        final List<String> allowed = List.of(options);
        return of(allowed::contains, "must be one of " + String.join(", ", allowed));
    }

    /** One of the given strings, ignoring case (as kafka-clients does for keys like {@code acks}). */
    public static Validator oneOfIgnoreCase(final String... options) {
        final List<String> allowed = Arrays.stream(options).map(o -> o.toLowerCase(Locale.ROOT)).toList();
        return of(v -> v instanceof String && allowed.contains(((String) v).toLowerCase(Locale.ROOT)),
            "must be one of " + String.join(", ", options) + " (case does not matter)");
    }

    /** {@code null}, or a string that is not blank. */
    public static Validator nullOrNonBlank() {
        return of(v -> v == null || (v instanceof String && !((String) v).isBlank()), "must be unset or a non-empty string");
    }

    /**
     * A non-empty list whose every entry is {@code host:port}, port in 0..65535; IPv6 literals go in
     * brackets ({@code [::1]:9092}).
     */
    public static Validator nonEmptyHostPortList() {
        return of(v -> v instanceof List && !((List<?>) v).isEmpty()
                && ((List<?>) v).stream().allMatch(e -> e instanceof String && HostPort.isValid((String) e)),
            "must be a non-empty list of host:port entries with ports from 0 to 65535");
    }

    /** A validator from a predicate and its description. */
    public static Validator of(final Predicate<Object> predicate, final String description) {
        return new Validator() {
            @Override
            public boolean isValid(final Object value) {
                return predicate.test(value);
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
