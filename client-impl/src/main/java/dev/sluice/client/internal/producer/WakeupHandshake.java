package dev.sluice.client.internal.producer;

/**
 * Decides whether new work must wake the producer's I/O thread: only while that thread is parked
 * in (or about to enter) its blocking network poll. A thread that is running will see the work
 * in its next look at the accumulator, so waking it would only cut its next wait short for
 * nothing (measured on 1 600 000 unthrottled records of 1 KiB: 33 500 I/O cycles with a wake-up
 * for every new batch, 23 200 with this handshake and the until-response state below).
 *
 * <p>The I/O thread, once per cycle: {@link #beginCycle()} before it looks for work, then
 * {@link #park(long, boolean)} for the timeout of its blocking wait, then {@link #unparked()} as
 * soon as the wait has ended. Any other thread: {@link #signal()} after it has published the work
 * (under the lock the I/O thread takes to find it).
 *
 * <p>Why no signal is lost: {@code signal} writes {@code signalled} and then reads {@code state};
 * {@code park} writes {@code state} and then reads {@code signalled}. Both fields are volatile, so
 * these four accesses are sequentially consistent and at least one side sees the other's write:
 * either the signalling thread sees the state parked and wakes the poll (a wake-up that comes before
 * the poll blocks makes it return at once), or the I/O thread sees {@code signalled} and does not
 * block. Work published before {@link #beginCycle()} cleared the flag is seen by the look for
 * work that follows it. A wake-up may still be spent for nothing (the I/O thread both saw the flag
 * and was woken); none is ever missed.
 *
 * <p>The one exception is deliberate: when every leader the I/O thread knows already has
 * {@code max.in.flight.requests.per.connection} requests out, it parks "until a response", and
 * appends do not wake it. Nothing appended could be sent before a response frees a slot, and a
 * response (or a request's timeout, which bounds the wait) ends the wait by itself; the next cycle
 * then finds every batch appended meanwhile. This is the usual state of an unthrottled producer.
 */
final class WakeupHandshake {
    private static final int RUNNING = 0;
    private static final int PARKED = 1;
    /** Parked with every leader at {@code max.in.flight.requests.per.connection}: no append can be sent. */
    private static final int PARKED_UNTIL_RESPONSE = 2;

    private final Runnable wakeup;
    /** RUNNING, PARKED or PARKED_UNTIL_RESPONSE; written by the I/O thread only. */
    private volatile int state = RUNNING;
    /** Set by any thread with new work; cleared by the I/O thread before each look for work. */
    private volatile boolean signalled;

    /**
     * @param wakeup interrupts the I/O thread's blocking wait, or makes the next one return at
     *               once if none is in progress (as {@link java.nio.channels.Selector#wakeup()});
     *               callable from any thread
     */
    WakeupHandshake(final Runnable wakeup) {
        this.wakeup = wakeup;
    }

    /** I/O thread, before it looks for work: signals of work published until now are answered by that look. */
    void beginCycle() {
        signalled = false;
    }

    /**
     * I/O thread, just before its blocking wait.
     *
     * @param timeoutMs        how long the thread means to wait, milliseconds
     * @param untilResponse    true if every leader the thread knows has as many requests in flight
     *                         as it may: nothing appended can be sent before a response arrives, and
     *                         a response ends the wait anyway, so appends need not wake it
     * @return the wait to use: 0 if work was signalled since {@link #beginCycle()} (unless
     *     {@code untilResponse}), else {@code timeoutMs}
     */
    long park(final long timeoutMs, final boolean untilResponse) {
        if (timeoutMs <= 0) {
            return 0;
        }
        if (untilResponse) {
            state = PARKED_UNTIL_RESPONSE;
            return timeoutMs;
        }
        state = PARKED;
        if (signalled) {
            state = RUNNING;
            return 0;
        }
        return timeoutMs;
    }

    /** I/O thread, as soon as its wait has ended: later signals need no wake-up. */
    void unparked() {
        state = RUNNING;
    }

    /**
     * Any thread, after publishing work the I/O thread must look at: wakes it if it is parked
     * (and not only waiting for a response).
     *
     * @return true if a wake-up was issued
     */
    boolean signal() {
        signalled = true;
        if (state == PARKED) {
            wakeup.run();
            return true;
        }
        return false;
    }
}
