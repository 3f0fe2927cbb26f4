package dev.sluice.client.internal.util;

/**
 * 32-bit MurmurHash2 with the seed Kafka's default partitioner uses, so that keyed records land on
 * the same partition whichever client produced them. Stateless and thread-safe.
 */
public final class Murmur2 {
    private static final int SEED = 0x9747b28c;
    private static final int MIX = 0x5bd1e995;
    private static final int SHIFT = 24;

    private Murmur2() {
    }

    /** The hash of all of {@code data}. */
    public static int hash(final byte[] data) {
        final int length = data.length;
        int h = SEED ^ length;
        final int wholeWords = length >>> 2;
        for (int word = 0; word < wholeWords; word++) {
            final int at = word << 2;
            int k = (data[at] & 0xff)
                | (data[at + 1] & 0xff) << 8
                | (data[at + 2] & 0xff) << 16
                | (data[at + 3] & 0xff) << 24;
            k *= MIX;
            k ^= k >>> SHIFT;
            k *= MIX;
            h *= MIX;
            h ^= k;
        }
        final int tail = wholeWords << 2;
        final int leftover = length & 3;
        if (leftover == 3) {
            h ^= (data[tail + 2] & 0xff) << 16;
        }
        if (leftover >= 2) {
            h ^= (data[tail + 1] & 0xff) << 8;
        }
        if (leftover >= 1) {
            h ^= data[tail] & 0xff;
            h *= MIX;
        }
        h ^= h >>> 13;
        h *= MIX;
        h ^= h >>> 15;
        return h;
    }

    /** Clears the sign bit: a non-negative int (not {@code Math.abs}, which fails on MIN_VALUE). */
    public static int toPositive(final int value) {
        return value & 0x7fffffff;
    }
}
