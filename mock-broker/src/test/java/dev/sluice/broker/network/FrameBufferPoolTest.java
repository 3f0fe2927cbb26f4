package dev.sluice.broker.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The pool's size classes and bounds; its use by connections is tested in {@link SocketServerTest}. */
class FrameBufferPoolTest {
    private final NetworkCounters counters = new NetworkCounters();
    private final FrameBufferPool pool = new FrameBufferPool(64 * 1024, 128 * 1024, counters);

    @Test
    void shouldHandOutPowerOfTwoCapacitiesOfAtLeastOneKibibyte() {
        assertEquals(1024, pool.acquire(0).capacity());
        assertEquals(1024, pool.acquire(1024).capacity());
        assertEquals(2048, pool.acquire(1025).capacity());
        assertEquals(64 * 1024, pool.acquire(40_000).capacity());
    }

    @Test
    void shouldReuseTheSmallestFreeBufferThatFits() {
        final ByteBuffer small = pool.acquire(1000);
        final ByteBuffer large = pool.acquire(30_000);
        pool.release(large);
        pool.release(small);
        assertSame(small, pool.acquire(500));
        final ByteBuffer reused = pool.acquire(2000);
        assertSame(large, reused);
        assertEquals(0, reused.position());
        assertEquals(reused.capacity(), reused.limit());
        assertEquals(2, counters.frameBuffersAllocated());
        assertEquals(2, counters.frameBuffersReused());
    }

    @Test
    void shouldNeverKeepABufferLargerThanTheLargestPooledSize() {
        final ByteBuffer huge = pool.acquire(100_000);
        assertEquals(100_000, huge.capacity());
        pool.release(huge);
        assertEquals(0, pool.freeBytes());
        assertNotSame(huge, pool.acquire(100_000));
    }

    @Test
    void shouldDropReleasedBuffersBeyondTheFreeListBound() {
        final ByteBuffer first = pool.acquire(64 * 1024);
        final ByteBuffer second = pool.acquire(64 * 1024);
        final ByteBuffer third = pool.acquire(64 * 1024);
        pool.release(first);
        pool.release(second);
        pool.release(third);
        assertEquals(128 * 1024, pool.freeBytes());
    }

    @Test
    void shouldRejectALargestPooledSizeThatIsNotAPowerOfTwo() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameBufferPool(100_000, 1 << 20, counters));
        assertEquals("largest pooled frame buffer must be a power of two of at least 1024 bytes, was 100000",
                e.getMessage());
    }
}
