package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.OffsetResetStrategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitions this consumer reads and, for each, where it reads next (its position), whether it
 * is paused, and whether its position must first be looked up with ListOffsets.
 *
 * <p>Owned by the application thread that calls {@code poll}: not thread-safe. Positions are
 * offsets of the next record to hand out; {@link #NO_POSITION} means unknown.
 */
public final class SubscriptionState {
    public static final long NO_POSITION = -1L;

    private final OffsetResetStrategy defaultReset;
    private final Map<TopicPartition, PartitionProgress> assigned = new LinkedHashMap<>();
    private final Set<TopicPartition> assignedView = Collections.unmodifiableSet(assigned.keySet());
    /** The distinct topics of the assignment, in assignment order; replaced by {@link #assign}. */
    private List<String> assignedTopics = List.of();
    /** Bumped by every {@link #assign}, so callers can cache what they derive from the assignment. */
    private int assignmentVersion;
    /**
     * Cached answer of {@link #allPositionsKnown()}: true only while every assigned partition is known
     * to have a position and no pending reset. Every change that can take a position away clears it.
     */
    private boolean allPositionsKnown;

    private static final class PartitionProgress {
        long position = NO_POSITION;
        boolean paused;
        OffsetResetStrategy pendingReset;
        long highWatermark = NO_POSITION;
    }

    /** @param defaultReset {@code auto.offset.reset}: how to find a position for a partition that has none */
    public SubscriptionState(final OffsetResetStrategy defaultReset) {
        this.defaultReset = defaultReset;
    }

    /**
     * Replaces the assignment; partitions kept keep their position and pause state, new ones start
     * without a position.
     */
    public void assign(final Collection<TopicPartition> partitions) {
        final Set<TopicPartition> wanted = new LinkedHashSet<>(partitions);
        assigned.keySet().retainAll(wanted);
        final Set<String> topics = new LinkedHashSet<>();
        for (final TopicPartition tp : wanted) {
            assigned.computeIfAbsent(tp, key -> new PartitionProgress());
            topics.add(tp.topic());
        }
        assignedTopics = List.copyOf(topics);
        assignmentVersion++;
        allPositionsKnown = false;
    }

    /** A copy of the assigned partitions, for callers that keep it or change the assignment meanwhile. */
    public Set<TopicPartition> assignment() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(assigned.keySet()));
    }

    /**
     * The assigned partitions as a live read-only view, without the copy {@link #assignment()} makes:
     * for the loops {@code poll} runs every time. Not to be kept, nor iterated across a change of the
     * assignment.
     */
    public Set<TopicPartition> assignedPartitions() {
        return assignedView;
    }

    /** True when at least one partition is assigned. */
    public boolean hasAssignment() {
        return !assigned.isEmpty();
    }

    /** The distinct topics of the assigned partitions, in assignment order (immutable). */
    public List<String> assignedTopics() {
        return assignedTopics;
    }

    /** Changes with every {@link #assign} call, so that what is derived from the assignment can be cached. */
    public int assignmentVersion() {
        return assignmentVersion;
    }

    /**
     * True when every assigned partition has a position and no pending reset, so there is nothing to
     * look up. Walks the partitions only after a change that may have taken a position away (an
     * assignment or a reset); otherwise answers from the last walk, since {@code poll} asks every time.
     */
    public boolean allPositionsKnown() {
        if (!allPositionsKnown) {
            boolean all = true;
            for (final PartitionProgress p : assigned.values()) {
                all &= p.position != NO_POSITION && p.pendingReset == null;
            }
            allPositionsKnown = all;
        }
        return allPositionsKnown;
    }

    public boolean isAssigned(final TopicPartition tp) {
        return assigned.containsKey(tp);
    }

    private PartitionProgress progress(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        if (p == null) {
            throw new IllegalStateException("No current assignment for partition " + tp);
        }
        return p;
    }

    /** Sets the next offset to read and cancels any pending reset. */
    public void seek(final TopicPartition tp, final long offset) {
        final PartitionProgress p = progress(tp);
        p.position = offset;
        p.pendingReset = null;
        if (offset == NO_POSITION) {
            allPositionsKnown = false;
        }
    }

    /** Advances the position after records were handed out (no-op if the partition was unassigned meanwhile). */
    public void advance(final TopicPartition tp, final long nextOffset) {
        final PartitionProgress p = assigned.get(tp);
        if (p != null) {
            p.position = nextOffset;
            if (nextOffset == NO_POSITION) {
                allPositionsKnown = false;
            }
        }
    }

    /** The next offset to read, or {@link #NO_POSITION}. */
    public long position(final TopicPartition tp) {
        return progress(tp).position;
    }

    public boolean hasPosition(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        return p != null && p.position != NO_POSITION && p.pendingReset == null;
    }

    /** Asks for the position to be looked up with ListOffsets using {@code strategy}. */
    public void requestReset(final TopicPartition tp, final OffsetResetStrategy strategy) {
        final PartitionProgress p = progress(tp);
        p.pendingReset = strategy;
        p.position = NO_POSITION;
        allPositionsKnown = false;
    }

    /** {@code auto.offset.reset}. */
    public OffsetResetStrategy defaultReset() {
        return defaultReset;
    }

    /** Assigned partitions with neither a position nor a pending lookup. */
    public List<TopicPartition> partitionsWithoutPosition() {
        final List<TopicPartition> out = new ArrayList<>();
        assigned.forEach((tp, p) -> {
            if (p.position == NO_POSITION && p.pendingReset == null) {
                out.add(tp);
            }
        });
        return out;
    }

    /** Partitions awaiting a ListOffsets lookup, with the strategy to use. */
    public Map<TopicPartition, OffsetResetStrategy> pendingResets() {
        final Map<TopicPartition, OffsetResetStrategy> out = new LinkedHashMap<>();
        assigned.forEach((tp, p) -> {
            if (p.pendingReset != null) {
                out.put(tp, p.pendingReset);
            }
        });
        return out;
    }

    /** Completes a lookup started for {@code strategy}; ignored if a seek or another reset overtook it. */
    public void completeReset(final TopicPartition tp, final OffsetResetStrategy strategy, final long offset) {
        final PartitionProgress p = assigned.get(tp);
        if (p != null && p.pendingReset == strategy) {
            p.pendingReset = null;
            p.position = offset;
        }
    }

    public void pause(final TopicPartition tp) {
        progress(tp).paused = true;
    }

    public void resume(final TopicPartition tp) {
        progress(tp).paused = false;
    }

    public boolean isPaused(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        return p != null && p.paused;
    }

    public Set<TopicPartition> paused() {
        final Set<TopicPartition> out = new LinkedHashSet<>();
        assigned.forEach((tp, p) -> {
            if (p.paused) {
                out.add(tp);
            }
        });
        return out;
    }

    /** Assigned, not paused, with a known position: may be fetched. */
    public boolean isFetchable(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        return p != null && !p.paused && p.position != NO_POSITION && p.pendingReset == null;
    }

    public void highWatermark(final TopicPartition tp, final long highWatermark) {
        final PartitionProgress p = assigned.get(tp);
        if (p != null && highWatermark >= 0) {
            p.highWatermark = highWatermark;
        }
    }

    /** The high watermark from the partition's last fetch response, or {@link #NO_POSITION} before one. */
    public long highWatermark(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        return p == null ? NO_POSITION : p.highWatermark;
    }

    /** Records behind the high watermark, or -1 when either end is unknown. */
    public long lag(final TopicPartition tp) {
        final PartitionProgress p = assigned.get(tp);
        if (p == null || p.position == NO_POSITION || p.highWatermark == NO_POSITION) {
            return -1;
        }
        return Math.max(0, p.highWatermark - p.position);
    }
}
