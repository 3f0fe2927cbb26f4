package dev.sluice.broker.group;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link GroupCoordinator}'s deadlines from one daemon thread that sleeps until the next
 * deadline ({@link GroupCoordinator#nextDeadlineMs()}) instead of polling: every wake-up of an idle
 * thread costs the broker CPU (about 0.15 ms each on the shared benchmark machine), and a fixed
 * 100 ms tick was half of an idle broker's CPU and a tenth of a consume run's under a small CPU
 * quota. JoinGroup, SyncGroup and LeaveGroup, the only calls that can bring a deadline forward,
 * wake the thread to re-plan; it also wakes at least every {@code maxSleepMs}, so that nothing
 * can wait forever should a deadline ever be set without that notice.
 *
 * <p>Threads: the timer thread runs {@link GroupCoordinator#tick()}; the coordinator's callers run
 * the wake-up (a monitor notify, never blocking). Deadlines are enforced as soon as they pass, give
 * or take a few milliseconds (previously within one 100 ms tick).
 */
public final class GroupTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupTimer.class);
    /** Longest sleep without a deadline or a change, ms. */
    public static final long DEFAULT_MAX_SLEEP_MS = 1_000;
    /** Shortest sleep between ticks without a wake-up, ms. */
    private static final long MIN_SLEEP_MS = 5;

    private final GroupCoordinator coordinator;
    private final Clock clock;
    private final long maxSleepMs;
    private final Thread thread;
    /** Guarded by this. */
    private boolean changed;
    /** Guarded by this. */
    private boolean closed;

    private GroupTimer(final GroupCoordinator coordinator, final Clock clock, final long maxSleepMs) {
        this.coordinator = coordinator;
        this.clock = clock;
        this.maxSleepMs = maxSleepMs;
        this.thread = new Thread(this::run, "sluice-group-timer");
        this.thread.setDaemon(true);
    }

    /**
     * Starts enforcing {@code coordinator}'s deadlines until {@link #close()}.
     *
     * @param clock      the coordinator's clock, whose milliseconds its deadlines are in
     * @param maxSleepMs longest sleep when no deadline is nearer, ms; at least 1
     */
    public static GroupTimer start(final GroupCoordinator coordinator, final Clock clock, final long maxSleepMs) {
        if (maxSleepMs < 1) {
            throw new IllegalArgumentException("maxSleepMs must be at least 1, was " + maxSleepMs);
        }
        final GroupTimer timer = new GroupTimer(coordinator, clock, maxSleepMs);
        coordinator.onDeadlinesChanged(timer::wake);
        timer.thread.start();
        return timer;
    }

    private synchronized void wake() {
        changed = true;
        notifyAll();
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                // Reset before reading the deadlines: a change from now on is seen below.
                changed = false;
            }
            long next;
            try {
                coordinator.tick();
                next = coordinator.nextDeadlineMs();
            } catch (final RuntimeException e) {
                // A failed tick must not stop the timer: later deadlines would never be enforced.
                LOG.error("Group coordinator tick failed", e);
                next = Long.MAX_VALUE;
            }
            if (!sleepUntil(next)) {
                return;
            }
        }
    }

    /** @return false once closed */
    private synchronized boolean sleepUntil(final long deadlineMs) {
        final long now = clock.millis();
        // A deadline still due right after a tick should not happen; if it ever did, the floor keeps
        // this thread from spinning on it.
        final long wakeAt = deadlineMs - now > maxSleepMs ? now + maxSleepMs : Math.max(deadlineMs, now + MIN_SLEEP_MS);
        long left = wakeAt - now;
        while (!closed && !changed && left > 0) {
            try {
                wait(left);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            left = wakeAt - clock.millis();
        }
        return !closed;
    }

    /** Stops the timer; waits briefly for a running tick to finish. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
