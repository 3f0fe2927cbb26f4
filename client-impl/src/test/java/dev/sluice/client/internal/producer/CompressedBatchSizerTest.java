package dev.sluice.client.internal.producer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressedBatchSizerTest {
    private static final int BATCH_SIZE = 16 * 1024;
    private static final int MAX = 1024 * 1024;

    @Test
    void shouldStartAsIfNothingCompresses() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(true, BATCH_SIZE, MAX);
        assertEquals(1.0f, sizer.ratio("t"));
        assertEquals(BATCH_SIZE, sizer.bufferSize("t"));
    }

    @Test
    void shouldLowerTheEstimateGraduallyAndRaiseItAtOnce() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(true, BATCH_SIZE, MAX);
        sizer.batchClosed("t", 16_000, 1_600);
        final float afterOne = sizer.ratio("t");
        assertTrue(afterOne < 1.0f && afterOne > 0.5f, "one batch moves the estimate only part of the way: " + afterOne);
        for (int i = 0; i < 100; i++) {
            sizer.batchClosed("t", 16_000, 1_600);
        }
        assertEquals(0.1f, sizer.ratio("t"), 1e-6f, "converges to the observed ratio, not below it");
        sizer.batchClosed("t", 16_000, 8_000);
        assertEquals(0.5f, sizer.ratio("t"), 1e-6f, "one worse batch raises the estimate to what it showed");
        sizer.batchClosed("t", 16_000, 8_100);
        assertEquals(0.55f, sizer.ratio("t"), 1e-6f, "and by at least the minimum step");
        assertEquals(1.0f, sizer.ratio("other"), "per topic");
    }

    @Test
    void shouldGrowBuffersWithTheFillOfRecentBatchesUpToTheRatioLimitAndTheCap() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(true, BATCH_SIZE, MAX);
        for (int i = 0; i < 100; i++) {
            sizer.batchClosed("t", BATCH_SIZE, BATCH_SIZE / 20);
        }
        assertEquals(2 * BATCH_SIZE, sizer.bufferSize("t"), "at most twice what recent batches held");
        sizer.batchClosed("t", 2 * BATCH_SIZE, BATCH_SIZE / 10);
        assertEquals(4 * BATCH_SIZE, sizer.bufferSize("t"));
        sizer.batchClosed("t", 300_000, 14_000);
        final int byRatio = (int) Math.ceil(BATCH_SIZE / (sizer.ratio("t") * CompressedBatchSizer.SAFETY_MARGIN));
        assertTrue(byRatio < 600_000);
        assertEquals(byRatio, sizer.bufferSize("t"), "no more than reaches batch.size at the estimated ratio");
        final CompressedBatchSizer capped = new CompressedBatchSizer(true, BATCH_SIZE, 64 * 1024);
        for (int i = 0; i < 100; i++) {
            capped.batchClosed("t", 60_000, 60);
        }
        assertEquals(64 * 1024, capped.bufferSize("t"), "never above the cap");
    }

    @Test
    void shouldShrinkBuffersBackToBatchSizeWhenATopicSlowsDown() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(true, BATCH_SIZE, MAX);
        for (int i = 0; i < 100; i++) {
            sizer.batchClosed("t", 600_000, 6_000);
        }
        assertEquals(MAX, sizer.bufferSize("t"));
        for (int i = 0; i < 30; i++) {
            sizer.batchClosed("t", 500, 50); // lingered batches of a few records
        }
        assertEquals(BATCH_SIZE, sizer.bufferSize("t"));
    }

    @Test
    void shouldResetToIncompressibleWhenABatchWasTooLarge() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(true, BATCH_SIZE, MAX);
        for (int i = 0; i < 100; i++) {
            sizer.batchClosed("t", 400_000, 4_000);
        }
        sizer.batchTooLarge("t", 400_000, 401_000);
        assertTrue(sizer.ratio("t") > 1.0f);
        assertEquals(BATCH_SIZE, sizer.bufferSize("t"));
    }

    @Test
    void shouldIgnoreEverythingWithoutCompression() {
        final CompressedBatchSizer sizer = new CompressedBatchSizer(false, BATCH_SIZE, MAX);
        sizer.batchClosed("t", 16_000, 100);
        assertEquals(1.0f, sizer.ratio("t"));
        assertEquals(1.0f, sizer.fillRatio("t"));
        assertEquals(BATCH_SIZE, sizer.bufferSize("t"));
    }

    @Test
    void shouldRefuseACapBelowBatchSize() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new CompressedBatchSizer(true, BATCH_SIZE, BATCH_SIZE - 1));
        assertTrue(e.getMessage().contains("maxBatchBytes"), e.getMessage());
    }
}
