package dev.sluice.codec.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Record data sets for tests, and their comparison. */
final class TestRecords {
    private TestRecords() {
    }

    /** One record as a test expects to read it back. */
    static final class Expected {
        final long timestamp;
        final byte[] key;
        final byte[] value;
        final Header[] headers;

        Expected(final long timestamp, final byte[] key, final byte[] value, final Header[] headers) {
            this.timestamp = timestamp;
            this.key = key;
            this.value = value;
            this.headers = headers;
        }

        org.apache.kafka.common.header.Header[] kafkaHeaders() {
            final org.apache.kafka.common.header.Header[] out = new org.apache.kafka.common.header.Header[headers.length];
            for (int i = 0; i < headers.length; i++) {
                out[i] = new org.apache.kafka.common.header.internals.RecordHeader(headers[i].key(), headers[i].value());
            }
            return out;
        }
    }

    /**
     * JSON-like events with a mix of the awkward cases: null keys, null values, empty values,
     * headers with null values, timestamps going backwards.
     */
    static List<Expected> mixed(final int count, final int valueSize, final long seed) {
        final Random random = new Random(seed);
        final List<Expected> out = new ArrayList<>(count);
        final long base = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            final byte[] key = i % 7 == 3 ? null : ("user-" + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            final byte[] value;
            if (i % 11 == 5) {
                value = null;
            } else if (i % 13 == 6) {
                value = new byte[0];
            } else {
                value = jsonEvent(random, i, valueSize);
            }
            final Header[] headers;
            if (i % 5 == 0) {
                headers = new Header[] {
                    new Header("trace-id", ("t" + random.nextLong()).getBytes(StandardCharsets.UTF_8)),
                    new Header("empty", null),
                    new Header("ünïcode", new byte[0])};
            } else {
                headers = new Header[0];
            }
            out.add(new Expected(base + i * 3L - (i % 4 == 2 ? 50 : 0), key, value, headers));
        }
        return out;
    }

    static byte[] jsonEvent(final Random random, final int i, final int size) {
        final String[] kinds = {"page_view", "click", "purchase", "signup", "logout"};
        final StringBuilder sb = new StringBuilder(size + 64);
        sb.append("{\"id\":").append(i).append(",\"type\":\"").append(kinds[random.nextInt(kinds.length)])
            .append("\",\"user\":\"u").append(random.nextInt(100_000)).append("\",\"amount\":")
            .append(random.nextInt(10_000) / 100.0).append(",\"tags\":[");
        while (sb.length() < size - 3) {
            sb.append("\"t").append(random.nextInt(50)).append("\",");
        }
        sb.append("\"z\"]}");
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    static byte[] bytes(final ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        final byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    static int rawSize(final List<Expected> records) {
        int size = 0;
        for (final Expected e : records) {
            size += 32 + (e.key == null ? 0 : e.key.length) + (e.value == null ? 0 : e.value.length);
            for (final Header h : e.headers) {
                size += 16 + h.key().length() * 3 + (h.value() == null ? 0 : h.value().length);
            }
        }
        return size;
    }
}
