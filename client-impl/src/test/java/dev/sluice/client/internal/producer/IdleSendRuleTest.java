package dev.sluice.client.internal.producer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IdleSendRule} on the two loads it was made for, with 16 KiB batches, linger 5 ms and
 * times in milliseconds from 1 000: a partition the sticky partitioner left (moderate rate) and
 * one it keeps coming back to (unthrottled).
 */
class IdleSendRuleTest {
    private static final int BATCH = 16 * 1024;
    private static final int CAPACITY = 200 * 1024;
    private static final long LINGER = 5;

    @Test
    void shouldSendAtOnceWhenThePartitionWasQuietSinceItsPreviousDrain() {
        // 100 000 records/s of 100 B over 8 partitions: drained at 1 000, nothing until 1 011,
        // then batch.size in under 2 ms.
        final long sendAt = IdleSendRule.sendAtMs(BATCH, CAPACITY, 1_011, 1_000, LINGER);
        assertTrue(sendAt <= 1_012, "the batch goes as soon as it holds batch.size: " + sendAt);
    }

    @Test
    void shouldWaitHalfTheLingerWhenTheBatchFilledAsFastAsItCould() {
        // Created right after the previous drain and filled within the same millisecond: waiting
        // out the linger would multiply it, so it goes only when waiting would no longer double it.
        assertEquals(1_003, IdleSendRule.sendAtMs(BATCH, CAPACITY, 1_000, 1_000, LINGER));
        assertEquals(1_003, IdleSendRule.sendAtMs(BATCH, CAPACITY, 1_000, Long.MAX_VALUE, LINGER),
            "without a previous drain the rate counts from the batch's creation");
    }

    @Test
    void shouldWaitLongerForABatchThatWouldStillFillWithinItsLinger() {
        // 4 times batch.size arrived in the first millisecond: waiting doubles it easily.
        final long sendAt = IdleSendRule.sendAtMs(4 * BATCH, CAPACITY, 1_000, 1_000, LINGER);
        assertEquals(1_003, sendAt);
        // A small capacity limits what waiting can gain: a batch one tenth short of full goes earlier.
        final long nearlyFull = IdleSendRule.sendAtMs(9 * BATCH, 10 * BATCH, 1_000, 1_000, LINGER);
        assertTrue(nearlyFull >= 1_004 && nearlyFull <= 1_005,
            "at this rate it fills within the linger, so it waits nearly all of it: " + nearlyFull);
    }

    @Test
    void shouldSendAFullBatchAtOnce() {
        assertTrue(IdleSendRule.sendAtMs(CAPACITY, CAPACITY, 1_000, 1_000, LINGER) <= 1_000);
    }

    @Test
    void shouldNeverWaitPastTheLinger() {
        for (final long previousDrain : new long[] {0, 900, 999, 1_000, 2_000, Long.MAX_VALUE}) {
            for (final int held : new int[] {1, BATCH, CAPACITY / 2, CAPACITY - 1}) {
                final long sendAt = IdleSendRule.sendAtMs(held, CAPACITY, 1_000, previousDrain, LINGER);
                assertTrue(sendAt <= 1_000 + LINGER, "held " + held + ", previous drain " + previousDrain + ": "
                    + sendAt);
            }
        }
        assertEquals(1_000 + 50, IdleSendRule.sendAtMs(BATCH, BATCH + 1, 1_000, 1_000, 50),
            "one byte short of full: the next record fills it, so idling adds nothing before the linger");
    }
}
