package dev.sluice.samples.support;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic stream of JSON events from an imaginary web shop: page views, searches, cart
 * changes and purchases, with the field names, enumerations and skew of real click streams (a few
 * users and products account for most traffic). Compression ratios measured on these events are
 * therefore in the range users see on their own JSON, unlike random bytes (which never compress) or
 * one repeated string (which compresses absurdly well).
 *
 * <p>Not thread-safe: one instance per producing thread. The same seed always yields the same
 * sequence, so a consumer can regenerate event {@code n} to verify what it read.
 */
public final class ShopEvents {
    private static final String[] TYPES = {"page_view", "page_view", "page_view", "search", "add_to_cart",
        "remove_from_cart", "purchase"};
    private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "SE", "ES", "IT", "PL", "JP"};
    private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
    private static final String[] CATEGORIES = {"shoes", "jackets", "shirts", "bags", "watches", "books", "toys"};
    private static final String[] QUERIES = {"red sneakers", "rain jacket", "leather bag", "gift for dad",
        "running shoes", "winter coat", "smart watch"};
    private static final long EPOCH_MILLIS = 1_764_000_000_000L;

    private final SplittableRandom random;
    private long sequence;

    /** @param seed any value; equal seeds give equal event sequences */
    public ShopEvents(final long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return the key of the next event: the user id as text ({@code "user-1234"}); call before {@link #nextValue()} */
    public String nextKey() {
        return "user-" + skewed(50_000);
    }

    /**
     * @return the next event as one line of JSON, 180 to 320 bytes of UTF-8 (ASCII only), with a
     *     sequence number that starts at 0 and grows by one per call
     */
    public String nextValue() {
        final long seq = sequence++;
        final String type = TYPES[random.nextInt(TYPES.length)];
        final StringBuilder json = new StringBuilder(320);
        json.append("{\"seq\":").append(seq)
            .append(",\"type\":\"").append(type).append('"')
            .append(",\"ts\":").append(EPOCH_MILLIS + seq * 3 + random.nextInt(3))
            .append(",\"session\":\"").append(Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL)).append('"')
            .append(",\"country\":\"").append(COUNTRIES[skewed(COUNTRIES.length)]).append('"')
            .append(",\"device\":\"").append(DEVICES[random.nextInt(DEVICES.length)]).append('"');
        final int product = skewed(20_000);
        final String category = CATEGORIES[product % CATEGORIES.length];
        switch (type) {
            case "search" -> json.append(",\"query\":\"").append(QUERIES[random.nextInt(QUERIES.length)])
                .append("\",\"results\":").append(random.nextInt(400));
            case "purchase" -> json.append(",\"order\":{\"id\":\"o-").append(seq)
                .append("\",\"items\":").append(1 + random.nextInt(4))
                .append(",\"total\":").append(String.format(Locale.ROOT, "%.2f", 5 + random.nextInt(50_000) / 100.0))
                .append(",\"currency\":\"EUR\"}");
            default -> json.append(",\"product\":{\"id\":").append(product)
                .append(",\"category\":\"").append(category)
                .append("\",\"price\":").append(String.format(Locale.ROOT, "%.2f", 2 + (product % 900) + 0.99))
                .append('}');
        }
        json.append(",\"page\":\"/").append(category).append('/').append(product)
            .append("\",\"referrer\":\"").append(random.nextInt(4) == 0 ? "search" : "direct")
            .append("\",\"latency_ms\":").append(5 + random.nextInt(400)).append('}');
        return json.toString();
    }

    /** @return a value in [0, bound) where small values are much more likely, as in real traffic */
    private int skewed(final int bound) {
        final double u = random.nextDouble();
        return (int) (bound * u * u * u);
    }
}
