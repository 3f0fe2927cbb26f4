package dev.sluice.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * The records every codec benchmark uses: ~100-byte JSON events with realistic, repetitive field
 * names and varied values (compressible the way real event streams are, unlike random bytes),
 * keyed by user id. Deterministic, so both libraries get identical input.
 */
public final class BenchmarkData {
    public static final int VALUE_SIZE = 100;
    private static final String[] EVENTS = {"page_view", "click", "add_to_cart", "purchase", "search", "login"};
    private static final String[] PAGES = {"/", "/home", "/search", "/product", "/cart", "/checkout", "/account"};
    private static final String[] COUNTRIES = {"DE", "US", "FR", "GB", "IN", "BR", "JP", "NL"};

    public final byte[][] keys;
    public final byte[][] values;
    public final long[] timestamps;

    private BenchmarkData(final int count) {
        keys = new byte[count][];
        values = new byte[count][];
        timestamps = new long[count];
        final Random random = new Random(20_240_601L);
        long ts = 1_717_000_000_000L;
        for (int i = 0; i < count; i++) {
            final int user = random.nextInt(50_000);
            keys[i] = ("user-" + user).getBytes(StandardCharsets.UTF_8);
            final String json = "{\"ev\":\"" + EVENTS[random.nextInt(EVENTS.length)] + "\",\"user\":" + user
                + ",\"page\":\"" + PAGES[random.nextInt(PAGES.length)] + "\",\"cc\":\""
                + COUNTRIES[random.nextInt(COUNTRIES.length)] + "\",\"ms\":" + random.nextInt(5000)
                + ",\"ts\":" + ts + ",\"v\":1}";
            final byte[] padded = Arrays.copyOf(json.getBytes(StandardCharsets.UTF_8), VALUE_SIZE);
            for (int p = json.length(); p < VALUE_SIZE; p++) {
                padded[p] = ' ';
            }
            values[i] = padded;
            timestamps[i] = ts;
            ts += random.nextInt(3);
        }
    }

    /** Enough records to fill a batch of about {@code batchBytes} uncompressed. */
    public static BenchmarkData forBatchSize(final int batchBytes) {
        // Each record is ~100 bytes of value, ~10 of key and ~8 of framing.
        return new BenchmarkData(Math.max(1, (batchBytes - 61) / 119));
    }

    public int count() {
        return values.length;
    }
}
