package dev.sluice.client.internal.producer;

import dev.sluice.client.errors.BufferExhaustedException;
import dev.sluice.client.internal.util.MockTime;
import dev.sluice.client.internal.util.Time;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferPoolTest {
    private static final long LONG_WAIT_MS = 30_000;

    @Test
    void shouldRecycleBuffersOfThePoolableSize() throws Exception {
        final BufferPool pool = new BufferPool(1024, 256, Time.SYSTEM);
        final ByteBuffer first = pool.allocate(256, 0);
        first.putInt(42);
        pool.deallocate(first);
        final ByteBuffer second = pool.allocate(256, 0);
        assertSame(first, second);
        assertEquals(0, second.position(), "a recycled buffer comes back cleared");
        assertEquals(768, pool.availableMemory());
    }

    @Test
    void shouldReturnOnlyTheByteCountOfBuffersSmallerThanThePoolableSize() throws Exception {
        final BufferPool pool = new BufferPool(1024, 256, Time.SYSTEM);
        final ByteBuffer small = pool.allocate(100, 0);
        assertEquals(100, small.capacity());
        assertEquals(924, pool.availableMemory());
        pool.deallocate(small);
        assertEquals(1024, pool.availableMemory());
        assertEquals(1024, pool.unallocatedMemory(), "small odd-sized buffers are not kept");
    }

    @Test
    void shouldRecycleALargerBufferForRequestsOfHalfToAllOfItsCapacity() throws Exception {
        final BufferPool pool = new BufferPool(4096, 256, Time.SYSTEM);
        final ByteBuffer big = pool.allocate(700, 0);
        assertEquals(700, big.capacity());
        big.put(new byte[10]);
        pool.deallocate(big);
        assertEquals(4096, pool.availableMemory(), "a spare counts as available");
        assertEquals(3396, pool.unallocatedMemory(), "but stays allocated");

        assertEquals(300, pool.allocate(300, 0).capacity(), "a spare more than twice the request is not handed out");
        final ByteBuffer again = pool.allocate(400, 0);
        assertSame(big, again);
        assertEquals(0, again.position());
        assertEquals(400, again.limit(), "the limit is the size asked for: a batch fills no more than that");
        assertEquals(4096 - 300 - 700, pool.availableMemory(), "the whole capacity is charged");
        pool.deallocate(again);
        assertEquals(4096 - 300, pool.availableMemory());
    }

    @Test
    void shouldDropSparesWhenARequestNeedsTheirMemory() throws Exception {
        final BufferPool pool = new BufferPool(1024, 256, Time.SYSTEM);
        pool.deallocate(pool.allocate(700, 0));
        final ByteBuffer larger = pool.allocate(800, 0);
        assertEquals(800, larger.capacity(), "the 700-byte spare is too small; its memory goes to the new buffer");
        assertEquals(224, pool.availableMemory());
        assertEquals(224, pool.unallocatedMemory());
    }

    @Test
    void shouldTakeMemoryFromFreeListForOtherSizes() throws Exception {
        final BufferPool pool = new BufferPool(512, 256, Time.SYSTEM);
        final ByteBuffer a = pool.allocate(256, 0);
        final ByteBuffer b = pool.allocate(256, 0);
        pool.deallocate(a);
        pool.deallocate(b);
        assertEquals(0, pool.unallocatedMemory());
        final ByteBuffer odd = pool.allocate(300, 0);
        assertEquals(300, odd.capacity());
        assertEquals(212, pool.availableMemory());
    }

    @Test
    void shouldRejectRequestLargerThanTheWholePool() {
        final BufferPool pool = new BufferPool(1024, 256, Time.SYSTEM);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.allocate(2048, 0));
        assertTrue(e.getMessage().contains("buffer.memory"), e.getMessage());
    }

    @Test
    void shouldTimeOutWithBufferExhaustedWhenNoMemoryFrees() throws Exception {
        final MockTime time = new MockTime();
        final BufferPool pool = new BufferPool(512, 256, time);
        pool.allocate(512, 0);
        final BufferExhaustedException e =
            assertThrows(BufferExhaustedException.class, () -> pool.allocate(256, 100));
        assertTrue(e.getMessage().contains("100 ms"), e.getMessage());
        assertEquals(0, pool.queued(), "a timed-out waiter leaves the queue");
        assertEquals(0, pool.availableMemory(), "a timed-out waiter leaves nothing reserved");
        assertTrue(pool.totalWaitTimeNs() >= TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void shouldGiveBackPartialReservationWhenTimingOut() throws Exception {
        final MockTime time = new MockTime();
        final BufferPool pool = new BufferPool(1000, 100, time);
        final ByteBuffer held = pool.allocate(600, 0);
        pool.allocate(300, 0);
        // 100 bytes free, the waiter needs 700: it reserves 100 and then gives up.
        assertThrows(BufferExhaustedException.class, () -> pool.allocate(700, 50));
        assertEquals(100, pool.availableMemory());
        pool.deallocate(held);
        assertEquals(700, pool.availableMemory());
    }

    @Test
    void shouldUnblockWaiterWhenMemoryIsReleased() throws Exception {
        final BufferPool pool = new BufferPool(512, 256, Time.SYSTEM);
        final ByteBuffer a = pool.allocate(256, 0);
        pool.allocate(256, 0);
        final CompletableFuture<ByteBuffer> waiter = CompletableFuture.supplyAsync(() -> allocate(pool, 256));
        awaitQueued(pool, 1);
        assertFalse(waiter.isDone());
        pool.deallocate(a);
        assertSame(a, waiter.get(LONG_WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void shouldServeWaitersInArrivalOrder() throws Exception {
        final BufferPool pool = new BufferPool(300, 100, Time.SYSTEM);
        final ByteBuffer a = pool.allocate(100, 0);
        final ByteBuffer b = pool.allocate(100, 0);
        final ByteBuffer c = pool.allocate(100, 0);
        final List<String> order = new CopyOnWriteArrayList<>();
        // The first waiter wants 200 bytes; the second only 100. FIFO means the small request
        // must not overtake the large one when 100 bytes free up.
        final CompletableFuture<Void> large = CompletableFuture.runAsync(() -> {
            allocate(pool, 200);
            order.add("large");
        });
        awaitQueued(pool, 1);
        final CompletableFuture<Void> small = CompletableFuture.runAsync(() -> {
            allocate(pool, 100);
            order.add("small");
        });
        awaitQueued(pool, 2);
        pool.deallocate(a);
        Thread.sleep(50); // give an unfair pool the chance to misbehave
        assertTrue(order.isEmpty(), "nobody completes with only 100 of the first waiter's 200 bytes: " + order);
        pool.deallocate(b);
        large.get(LONG_WAIT_MS, TimeUnit.MILLISECONDS);
        pool.deallocate(c);
        small.get(LONG_WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(List.of("large", "small"), order);
    }

    @Test
    void shouldQueueNewCallersBehindExistingWaiters() throws Exception {
        final BufferPool pool = new BufferPool(300, 100, Time.SYSTEM);
        final ByteBuffer a = pool.allocate(200, 0);
        final CompletableFuture<ByteBuffer> large = CompletableFuture.supplyAsync(() -> allocate(pool, 200));
        awaitQueued(pool, 1);
        // 100 bytes are free, but a waiter came first: a new caller waits (and here times out).
        assertThrows(BufferExhaustedException.class, () -> pool.allocate(100, 10));
        pool.deallocate(a);
        assertEquals(200, large.get(LONG_WAIT_MS, TimeUnit.MILLISECONDS).capacity());
    }

    @Test
    void shouldFailWaitersWhenClosed() throws Exception {
        final BufferPool pool = new BufferPool(100, 100, Time.SYSTEM);
        pool.allocate(100, 0);
        final CountDownLatch failed = new CountDownLatch(1);
        final Thread t = new Thread(() -> {
            try {
                pool.allocate(100, LONG_WAIT_MS);
            } catch (final IllegalStateException expected) {
                failed.countDown();
            } catch (final InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        awaitQueued(pool, 1);
        pool.close();
        assertTrue(failed.await(LONG_WAIT_MS, TimeUnit.MILLISECONDS));
    }

    private static ByteBuffer allocate(final BufferPool pool, final int size) {
        try {
            return pool.allocate(size, LONG_WAIT_MS);
        } catch (final InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQueued(final BufferPool pool, final int n) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pool.queued() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waiters never queued");
            }
            Thread.sleep(1);
        }
    }
}
