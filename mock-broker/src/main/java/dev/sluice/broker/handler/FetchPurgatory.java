package dev.sluice.broker.handler;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches waiting for {@code min_bytes} to arrive (long-poll). A parked fetch is re-tried when a
 * partition it reads is appended to, and answered with whatever is there when its
 * {@code max_wait_ms} runs out.
 *
 * <p>Threading: every re-try and expiry runs on one purgatory thread, so a parked fetch is never
 * tried twice at once and producers' processor threads only pay for queueing a task, not for the
 * log reads of the waiting fetches.
 */
public final class FetchPurgatory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FetchPurgatory.class);

    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
        final Thread t = new Thread(runnable, "sluice-fetch-purgatory");
        t.setDaemon(true);
        return t;
    });
    /** Touched only on the purgatory thread. */
    private final Set<DelayedFetch> parked = new HashSet<>();

    public FetchPurgatory() {
        // Expiry timers of fetches answered at close must not hold the shutdown up.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A fetch that can be re-tried and that knows which partitions it waits on. */
    interface DelayedFetch {
        boolean readsFrom(String topic, int partition);

        /**
         * Reads again and answers if enough bytes are there, or unconditionally when {@code expired}.
         *
         * @return true once the fetch has been answered
         */
        boolean tryComplete(boolean expired);
    }

    /** Parks {@code fetch} for at most {@code maxWaitMs} milliseconds. */
    public void park(final DelayedFetch fetch, final long maxWaitMs) {
        submit(() -> {
            // Records may have landed between the first read and now: re-try before parking.
            if (fetch.tryComplete(false)) {
                return;
            }
            parked.add(fetch);
            thread.schedule(() -> {
                if (parked.remove(fetch)) {
                    fetch.tryComplete(true);
                }
            }, maxWaitMs, TimeUnit.MILLISECONDS);
        });
    }

    /** Tells waiting fetches that {@code topic}-{@code partition} grew; called after appends. */
    public void onAppend(final String topic, final int partition) {
        submit(() -> parked.removeIf(fetch -> fetch.readsFrom(topic, partition) && fetch.tryComplete(false)));
    }

    private void submit(final Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (final RuntimeException e) {
                    LOG.error("Parked fetch failed", e);
                }
            });
        } catch (final java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Purgatory closed; dropping task");
        }
    }

    /** Answers every parked fetch with what is there and stops the thread. */
    @Override
    public void close() {
        submit(() -> {
            parked.forEach(fetch -> fetch.tryComplete(true));
            parked.clear();
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
