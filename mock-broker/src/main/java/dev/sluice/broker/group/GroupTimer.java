package dev.sluice.broker.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link GroupCoordinator}'s deadlines from one daemon thread. Session timeouts are
 * seconds long (Kafka allows 6 s at least), so ticking every 100 ms enforces them to within a
 * few percent while costing nothing measurable.
 */
public final class GroupTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupTimer.class);
    public static final long DEFAULT_TICK_MS = 100;

    private final ScheduledExecutorService executor;

    private GroupTimer(final ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts ticking {@code coordinator} every {@code tickMs} ms until {@link #close()}. */
    public static GroupTimer start(final GroupCoordinator coordinator, final long tickMs) {
        final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "sluice-group-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                coordinator.tick();
            } catch (RuntimeException e) {
                // A failed tick must not cancel the schedule: later ticks would never run.
                LOG.error("Group coordinator tick failed", e);
            }
        }, tickMs, tickMs, TimeUnit.MILLISECONDS);
        return new GroupTimer(executor);
    }

    /** Stops ticking; waits briefly for a running tick to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
