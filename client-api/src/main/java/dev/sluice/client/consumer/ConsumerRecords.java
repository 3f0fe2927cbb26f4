package dev.sluice.client.consumer;

import dev.sluice.client.TopicPartition;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records one {@code poll} returned, grouped by partition; within a partition in offset order.
 * Iteration goes partition by partition. Immutable.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ConsumerRecords<K, V> implements Iterable<ConsumerRecord<K, V>> {
    private static final ConsumerRecords<?, ?> EMPTY = new ConsumerRecords<>(Map.of());

    private final Map<TopicPartition, List<ConsumerRecord<K, V>>> records;
    private final int count;

    /**
     * Takes ownership of the map and lists without copying them: the caller (the consumer) must not
     * change them afterwards. Partitions with empty lists are allowed and count as present in
     * {@link #partitions()}.
     */
    public ConsumerRecords(final Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
        this.records = Collections.unmodifiableMap(records);
        int total = 0;
        for (final List<ConsumerRecord<K, V>> list : records.values()) {
            total += list.size();
        }
        this.count = total;
    }

    /** The shared empty instance. */
    @SuppressWarnings("unchecked")
    public static <K, V> ConsumerRecords<K, V> empty() {
        return (ConsumerRecords<K, V>) EMPTY;
    }

    /** This partition's records in offset order; empty if none. */
    public List<ConsumerRecord<K, V>> records(final TopicPartition partition) {
        final List<ConsumerRecord<K, V>> list = records.get(partition);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /** The records of every partition of this topic, partition by partition. */
    public Iterable<ConsumerRecord<K, V>> records(final String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        return () -> new ConcatIterator<>(records.entrySet().stream()
            .filter(e -> e.getKey().topic().equals(topic))
            .map(Map.Entry::getValue)
            .iterator());
    }

    /** The partitions that have entries in this result. */
    public Set<TopicPartition> partitions() {
        return records.keySet();
    }

    /** Total number of records. */
    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        return new ConcatIterator<>(records.values().iterator());
    }

    @Override
    public String toString() {
        return "ConsumerRecords(" + count + " records in " + records.size() + " partitions)";
    }

    /** Walks the lists one after another without copying them into one. */
    private static final class ConcatIterator<T> implements Iterator<T> {
        private final Iterator<List<T>> lists;
        private Iterator<T> current = Collections.emptyIterator();

        ConcatIterator(final Iterator<List<T>> lists) {
            this.lists = lists;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && lists.hasNext()) {
                current = lists.next().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
