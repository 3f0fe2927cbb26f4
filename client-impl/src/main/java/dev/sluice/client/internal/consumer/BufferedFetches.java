package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fetched responses waiting to be handed out, in the order {@code poll} takes them, with the
 * ones of each partition at hand.
 *
 * <p>Why the index: planning a fetch asks, for every assigned partition, how many responses are
 * buffered for it and where the last one ends. Scanning the whole queue for each partition made that
 * partitions x buffered responses per plan (up to 8 x 16 with the default sizes), enough at 100 B
 * records for C2 to compile the scans mid-read. Dropping a response here releases its frame.
 * Application thread only, like the {@link Fetcher} that owns it.
 */
final class BufferedFetches<K, V> {
    private final ArrayDeque<CompletedFetch<K, V>> queue = new ArrayDeque<>();
    /** The responses of each partition that has any, oldest first; no empty lists. */
    private final Map<TopicPartition, List<CompletedFetch<K, V>>> byPartition = new HashMap<>();

    void add(final CompletedFetch<K, V> fetch) {
        queue.addLast(fetch);
        byPartition.computeIfAbsent(fetch.partition(), tp -> new ArrayList<>(2)).add(fetch);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The response {@code poll} takes records from next, or null. */
    CompletedFetch<K, V> first() {
        return queue.peekFirst();
    }

    /** Removes the {@link #first()} response and releases its frame. */
    void dropFirst() {
        final CompletedFetch<K, V> fetch = queue.pollFirst();
        if (fetch != null) {
            unindex(fetch);
            fetch.release();
        }
    }

    /** Moves the {@link #first()} response to the back, keeping it (a paused partition's). */
    void moveFirstToBack() {
        queue.addLast(queue.pollFirst());
    }

    /** The responses buffered for {@code tp}, oldest first; empty when none. Read-only, not to be kept. */
    List<CompletedFetch<K, V>> of(final TopicPartition tp) {
        final List<CompletedFetch<K, V>> fetches = byPartition.get(tp);
        return fetches == null ? List.of() : fetches;
    }

    /** True when every buffered response belongs to a partition {@code paused} says is paused. */
    boolean allOf(final Predicate<TopicPartition> paused) {
        for (final TopicPartition tp : byPartition.keySet()) {
            if (!paused.test(tp)) {
                return false;
            }
        }
        return true;
    }

    /** Drops every response of {@code tp}, releasing their frames. */
    void drop(final TopicPartition tp) {
        final List<CompletedFetch<K, V>> fetches = byPartition.remove(tp);
        if (fetches != null) {
            queue.removeIf(fetch -> fetch.partition().equals(tp));
            fetches.forEach(CompletedFetch::release);
        }
    }

    /** Drops everything, releasing every frame. */
    void dropAll() {
        queue.forEach(CompletedFetch::release);
        queue.clear();
        byPartition.clear();
    }

    private void unindex(final CompletedFetch<K, V> fetch) {
        final List<CompletedFetch<K, V>> fetches = byPartition.get(fetch.partition());
        if (fetches != null && fetches.remove(fetch) && fetches.isEmpty()) {
            byPartition.remove(fetch.partition());
        }
    }
}
