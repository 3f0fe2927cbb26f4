package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partitions one Fetch to one leader would carry, and whether sending it now is worthwhile.
 *
 * <p>A leader has one fetch in flight at a time. A fetch in which every partition is caught up (its
 * fetch offset at or past the high watermark of its last response) returns nothing until new records
 * arrive or {@code fetch.max.wait.ms} passes, so it holds that slot for up to the whole wait. That is
 * worth it only when no other partition of the leader is about to need a fetch: one whose buffered
 * responses are still short of its high watermark (it was left out only because two responses are
 * buffered). Otherwise the long poll stalls it: consumer-bench saw 500 ms idle at the end of a 1 s
 * read, a fetch ahead of one drained partition waiting while three others ran dry. Held back, the
 * caught-up partitions go out with the next fetch that has records to bring, or alone once the
 * others are fetched up to their high watermark. Built and used by the application thread within
 * one {@link Fetcher#sendFetches} call.
 */
final class FetchPlan {
    private final Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    private boolean anyBehind;
    private boolean heldBack;

    /**
     * Adds {@code tp} at {@code fetchOffset}.
     *
     * @param highWatermark the partition's high watermark from its last response, or negative if unknown
     */
    void add(final TopicPartition tp, final long fetchOffset, final long highWatermark) {
        positions.put(tp, fetchOffset);
        if (highWatermark < 0 || fetchOffset < highWatermark) {
            anyBehind = true;
        }
    }

    /** Notes a partition of this leader, left out now, that has records still to fetch. */
    void holdsBack() {
        heldBack = true;
    }

    /** True when the fetch has partitions, and either brings records or blocks no partition that will. */
    boolean worthSending() {
        return !positions.isEmpty() && (anyBehind || !heldBack);
    }

    /** Fetch offset per partition, in the order added. */
    Map<TopicPartition, Long> positions() {
        return positions;
    }
}
