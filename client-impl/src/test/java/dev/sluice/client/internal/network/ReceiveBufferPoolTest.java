package dev.sluice.client.internal.network;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiveBufferPoolTest {
    private static final int MIN = 64 * 1024;
    private static final int MIB = ReceiveBufferPool.CAPACITY_STEP;

    @Test
    void shouldHandTheSameBufferToTheNextLargeFrameOnceReleased() {
        final ReceiveBufferPool pool = new ReceiveBufferPool(MIN, 4, 64L * MIB);
        final ByteBuffer first = pool.acquire(8 * MIB - 100);
        assertEquals(0, first.position());
        assertEquals(8 * MIB - 100, first.limit());
        assertEquals(8 * MIB, first.capacity(), "rounded up to whole MiB so nearly equal responses share it");
        pool.release(first);
        final ByteBuffer second = pool.acquire(8 * MIB - 5_000);
        assertSame(first, second);
        assertEquals(8 * MIB - 5_000, second.limit());
        assertEquals(0, pool.freeBuffers());
    }

    @Test
    void shouldNeverHandOutABufferThatIsStillInUse() {
        final ReceiveBufferPool pool = new ReceiveBufferPool(MIN, 4, 64L * MIB);
        final ByteBuffer inUse = pool.acquire(MIB);
        final ByteBuffer other = pool.acquire(MIB);
        assertNotSame(inUse, other);
        pool.release(other);
        assertSame(other, pool.acquire(MIB));
        assertNotSame(inUse, pool.acquire(MIB));
    }

    @Test
    void shouldGiveSmallFramesTheirOwnBufferAndIgnoreThemOnRelease() {
        final ReceiveBufferPool pool = new ReceiveBufferPool(MIN, 4, 64L * MIB);
        final ByteBuffer small = pool.acquire(100);
        assertEquals(100, small.capacity());
        pool.release(small);
        assertEquals(0, pool.freeBuffers());
    }

    @Test
    void shouldIgnoreASecondReleaseOfAFreeBuffer() {
        final ReceiveBufferPool pool = new ReceiveBufferPool(MIN, 4, 64L * MIB);
        final ByteBuffer buffer = pool.acquire(MIB);
        pool.release(buffer);
        pool.release(buffer);
        assertEquals(1, pool.freeBuffers());
        assertSame(buffer, pool.acquire(MIB));
        assertNotSame(buffer, pool.acquire(MIB), "one buffer, handed out once");
    }

    @Test
    void shouldKeepAtMostTheConfiguredBuffersAndBytes() {
        final ReceiveBufferPool pool = new ReceiveBufferPool(MIN, 2, 10L * MIB);
        final ByteBuffer one = pool.acquire(MIB);
        final ByteBuffer two = pool.acquire(2 * MIB);
        final ByteBuffer four = pool.acquire(4 * MIB);
        pool.release(one);
        pool.release(two);
        pool.release(four);
        assertEquals(2, pool.freeBuffers(), "the smallest is dropped");
        assertEquals(6L * MIB, pool.freeBytes());
        final ByteBuffer eight = pool.acquire(8 * MIB);
        pool.release(eight);
        assertTrue(pool.freeBytes() <= 10L * MIB, "bytes capped: " + pool.freeBytes());
    }

    @Test
    void shouldRejectANonPositivePoolingThreshold() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ReceiveBufferPool(0, 4, MIB));
        assertTrue(e.getMessage().contains("minPooledBytes"), e.getMessage());
    }
}
