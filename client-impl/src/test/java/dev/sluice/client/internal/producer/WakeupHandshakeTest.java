package dev.sluice.client.internal.producer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeupHandshakeTest {
    private final AtomicInteger wakeups = new AtomicInteger();
    private final WakeupHandshake handshake = new WakeupHandshake(wakeups::incrementAndGet);

    @Test
    void shouldNotWakeARunningThreadButKeepItsNextParkFromBlocking() {
        handshake.beginCycle();
        assertFalse(handshake.signal(), "a running I/O thread is not woken");
        assertEquals(0, wakeups.get());
        assertEquals(0, handshake.park(30_000, false), "work signalled during the cycle is looked at before blocking");
    }

    @Test
    void shouldWakeAParkedThreadOnce() {
        handshake.beginCycle();
        assertEquals(30_000, handshake.park(30_000, false));
        assertTrue(handshake.signal());
        assertEquals(1, wakeups.get());
        handshake.unparked();
        assertFalse(handshake.signal(), "after the wait has ended the thread is running again");
        assertEquals(1, wakeups.get());
    }

    @Test
    void shouldForgetSignalsTheNextCycleAnswers() {
        handshake.signal();
        handshake.beginCycle();
        assertEquals(30_000, handshake.park(30_000, false), "the cycle's look for work has seen what was signalled");
    }

    @Test
    void shouldNotWakeAThreadParkedUntilAResponse() {
        handshake.beginCycle();
        handshake.signal();
        assertEquals(30_000, handshake.park(30_000, true),
            "with every leader at max in flight, appended work cannot be sent before a response ends the wait");
        assertFalse(handshake.signal());
        assertEquals(0, wakeups.get());
    }

    @Test
    void shouldNotParkAThreadThatMeansToPollWithoutWaiting() {
        handshake.beginCycle();
        assertEquals(0, handshake.park(0, false));
        assertFalse(handshake.signal());
    }

    /**
     * A real selector as the I/O thread's wait, producers that each publish an item and wait for
     * the I/O thread to take it before publishing the next: the I/O thread parks between almost
     * every pair of items, so appends race with parking tens of thousands of times. Its wait is 10
     * minutes: one lost wake-up leaves an item untaken and the run hangs past the guard.
     */
    @Test
    void shouldNeverLeaveAnItemWaitingWhenItIsPublishedAsTheThreadParks() throws Exception {
        final int producers = 3;
        final int itemsEach = 5_000;
        try (Selector selector = Selector.open()) {
            final WakeupHandshake shared = new WakeupHandshake(selector::wakeup);
            final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
            final AtomicLong taken = new AtomicLong();
            final AtomicInteger[] takenPerProducer = new AtomicInteger[producers];
            for (int p = 0; p < producers; p++) {
                takenPerProducer[p] = new AtomicInteger();
            }
            final Thread io = new Thread(() -> {
                try {
                    while (true) {
                        shared.beginCycle();
                        Integer item;
                        while ((item = queue.poll()) != null) {
                            takenPerProducer[item].incrementAndGet();
                            taken.incrementAndGet();
                        }
                        if (taken.get() == (long) producers * itemsEach) {
                            return;
                        }
                        // The rest of a sender cycle (drain, expiry) lies between its look for work
                        // and its wait: give producers the chance to publish in that window.
                        Thread.yield();
                        final long wait = shared.park(600_000, false);
                        if (wait == 0) {
                            selector.selectNow();
                        } else {
                            selector.select(wait);
                        }
                        shared.unparked();
                    }
                } catch (final IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "handshake-io");
            io.setDaemon(true);
            final List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                final int id = p;
                threads.add(new Thread(() -> {
                    for (int i = 1; i <= itemsEach; i++) {
                        queue.add(id);
                        shared.signal();
                        while (takenPerProducer[id].get() < i) {
                            Thread.yield();
                        }
                    }
                }, "handshake-producer-" + p));
                threads.get(p).setDaemon(true);
            }
            io.start();
            threads.forEach(Thread::start);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (final Thread t : threads) {
                    t.join();
                }
                io.join();
            }, "an item waited for the I/O thread's 10-minute wait: a wake-up was lost");
            assertEquals((long) producers * itemsEach, taken.get());
        }
    }
}
