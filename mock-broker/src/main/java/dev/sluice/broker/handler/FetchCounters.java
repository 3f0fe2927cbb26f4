package dev.sluice.broker.handler;

import java.util.concurrent.atomic.LongAdder;

/**
 * What serving Fetch requests cost in requests rather than bytes: how many responses went out, how
 * many of them carried no records (a consumer polling a partition it has caught up with), how many
 * fetches waited for data (long polls) and how often such a waiting fetch was read again without
 * being answered. Together with the network's transferTo counters this shows a client's fetch
 * pattern, e.g. many small or empty fetches, without a profiler.
 *
 * <p>Updated from network threads and the purgatory thread; read from any thread. Each update is one
 * {@link LongAdder} increment, cheap next to the read it counts.
 */
public final class FetchCounters {
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredWithoutRecords = new LongAdder();
    private final LongAdder recordBytes = new LongAdder();
    private final LongAdder parked = new LongAdder();
    private final LongAdder rereads = new LongAdder();

    void recordAnswer(final long bytes) {
        answered.increment();
        if (bytes == 0) {
            answeredWithoutRecords.increment();
        } else {
            recordBytes.add(bytes);
        }
    }

    void recordParked() {
        parked.increment();
    }

    void recordReread() {
        rereads.increment();
    }

    /** Fetch responses sent since start (errors included). */
    public long answered() {
        return answered.sum();
    }

    /** Of {@link #answered()}, those without any record bytes. */
    public long answeredWithoutRecords() {
        return answeredWithoutRecords.sum();
    }

    /** Record bytes put into Fetch responses since start, as file slices (sent with transferTo). */
    public long recordBytes() {
        return recordBytes.sum();
    }

    /** Fetches that found fewer than {@code min_bytes} and waited in the purgatory (long polls). */
    public long parked() {
        return parked.sum();
    }

    /** Reads of a waiting fetch, after an append to one of its partitions, that still did not answer it. */
    public long rereads() {
        return rereads.sum();
    }

    /** One line for logs: the counts above. */
    @Override
    public String toString() {
        return answered() + " fetches answered (" + answeredWithoutRecords() + " without records), "
                + recordBytes() + " record bytes, " + parked() + " parked, " + rereads() + " re-read while parked";
    }
}
