package dev.sluice.samples.support;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints "phase: done / total records (rate/s)" on its stream every two seconds until closed, so a
 * long run shows it is alive. The count is read from any thread's counter through {@code done};
 * printing happens on a daemon thread of its own. Nothing is printed for phases under two seconds.
 */
public final class Progress implements AutoCloseable {
    static final long INTERVAL_MS = 2_000;

    private final ScheduledExecutorService timer;

    private Progress(final ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * @param out   where lines go (stderr in the programs, so stdout holds only results)
     * @param phase e.g. "produce"
     * @param total records the phase will handle
     * @param done  records handled so far; must be safe to call from another thread
     */
    public static Progress start(final PrintStream out, final String phase, final long total, final LongSupplier done) {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "sample-progress");
            thread.setDaemon(true);
            return thread;
        });
        final long startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            final long count = done.getAsLong();
            final double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf(Locale.ROOT, "  %s: %,d / %,d records (%,.0f records/s)%n", phase, count, total, count / seconds);
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return new Progress(timer);
    }

    /** Stops printing; waits for a line being printed to finish so it cannot interleave with results. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
