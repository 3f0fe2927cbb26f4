package dev.sluice.samples.support;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Checks that what a consumer read back is exactly what {@link ShopEvents} produced: every event
 * {@code 0..count-1} once, none missing, none twice, none altered.
 *
 * <p>Each event carries its sequence number ({@code {"seq":n,...}}). The verifier regenerates the
 * whole sequence from the same seed up front and keeps a 64-bit FNV-1a fingerprint of each expected
 * key and value (8 bytes per event instead of the event itself, so a million events cost 8 MB).
 * FNV-1a maps any single-byte change to a different fingerprint, and other changes collide with
 * probability about 2<sup>-64</sup>. Not thread-safe: one consumer thread feeds it.
 */
public final class EventVerifier {
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long[] expected;
    private final BitSet seen;
    private long received;
    private long duplicated;
    private long altered;
    private long foreign;
    private long firstBadSeq = -1;

    /** Regenerates the {@code count} events {@code new ShopEvents(seed)} yields. */
    public EventVerifier(final long seed, final int count) {
        this.expected = new long[count];
        this.seen = new BitSet(count);
        final ShopEvents events = new ShopEvents(seed);
        for (int i = 0; i < count; i++) {
            final byte[] key = events.nextKey().getBytes(StandardCharsets.UTF_8);
            final byte[] value = events.nextValue().getBytes(StandardCharsets.UTF_8);
            expected[i] = fingerprint(key, value);
        }
    }

    /** Records one event read back; {@code key} may be null (it never is for ShopEvents). */
    public void accept(final byte[] key, final byte[] value) {
        received++;
        final long seq = sequenceOf(value);
        if (seq < 0 || seq >= expected.length) {
            foreign++;
            return;
        }
        final int index = (int) seq;
        if (seen.get(index)) {
            duplicated++;
            noteBad(seq);
        } else {
            seen.set(index);
            if (fingerprint(key, value) != expected[index]) {
                altered++;
                noteBad(seq);
            }
        }
    }

    private void noteBad(final long seq) {
        if (firstBadSeq < 0) {
            firstBadSeq = seq;
        }
    }

    /** @return the outcome so far; call once consuming is over */
    public Verification result() {
        final int missing = expected.length - seen.cardinality();
        final int firstMissing = missing == 0 ? -1 : seen.nextClearBit(0);
        return new Verification(expected.length, received, missing, duplicated, altered, foreign, firstMissing,
            firstBadSeq);
    }

    /** @return n from a value starting {@code {"seq":n,}, or -1 when the value does not start so */
    static long sequenceOf(final byte[] value) {
        if (value == null || value.length <= SEQ_PREFIX.length) {
            return -1;
        }
        for (int i = 0; i < SEQ_PREFIX.length; i++) {
            if (value[i] != SEQ_PREFIX[i]) {
                return -1;
            }
        }
        long seq = 0;
        int i = SEQ_PREFIX.length;
        final int digitsEnd = Math.min(value.length, SEQ_PREFIX.length + 18); // 18 digits cannot overflow a long
        for (; i < digitsEnd && value[i] >= '0' && value[i] <= '9'; i++) {
            seq = seq * 10 + (value[i] - '0');
        }
        return i == SEQ_PREFIX.length || i >= value.length || value[i] != ',' ? -1 : seq;
    }

    /** FNV-1a over the key's length, the key and the value, so moving bytes between key and value shows. */
    static long fingerprint(final byte[] key, final byte[] value) {
        long hash = FNV_OFFSET;
        final int keyLength = key == null ? -1 : key.length;
        for (int shift = 0; shift < 32; shift += 8) {
            hash = (hash ^ ((keyLength >>> shift) & 0xFF)) * FNV_PRIME;
        }
        if (key != null) {
            for (final byte b : key) {
                hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
            }
        }
        for (final byte b : value) {
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        return hash;
    }
}
