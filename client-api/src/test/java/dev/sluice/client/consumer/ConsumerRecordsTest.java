package dev.sluice.client.consumer;

import dev.sluice.client.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerRecordsTest {
    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    private static List<ConsumerRecord<String, String>> records(final TopicPartition tp, final long from, final int n) {
        final List<ConsumerRecord<String, String>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ConsumerRecord<>(tp.topic(), tp.partition(), from + i, "k" + i, "v" + i));
        }
        return list;
    }

    private static ConsumerRecords<String, String> sample() {
        final Map<TopicPartition, List<ConsumerRecord<String, String>>> map = new LinkedHashMap<>();
        map.put(A0, records(A0, 10, 2));
        map.put(B0, records(B0, 0, 3));
        map.put(A1, records(A1, 5, 1));
        return new ConsumerRecords<>(map);
    }

    private static List<String> positions(final Iterable<ConsumerRecord<String, String>> records) {
        final List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.topic() + "-" + r.partition() + "@" + r.offset()));
        return out;
    }

    @Test
    void shouldCountAllRecordsAcrossPartitions() {
        final ConsumerRecords<String, String> records = sample();
        assertEquals(6, records.count());
        assertFalse(records.isEmpty());
        assertEquals(Set.of(A0, A1, B0), records.partitions());
    }

    @Test
    void shouldIteratePartitionByPartitionInOffsetOrder() {
        assertEquals(List.of("a-0@10", "a-0@11", "b-0@0", "b-0@1", "b-0@2", "a-1@5"), positions(sample()));
    }

    @Test
    void shouldGroupByPartition() {
        assertEquals(List.of("b-0@0", "b-0@1", "b-0@2"), positions(sample().records(B0)));
        assertTrue(sample().records(new TopicPartition("c", 0)).isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> sample().records(A0).clear());
    }

    @Test
    void shouldGroupByTopicAcrossPartitions() {
        assertEquals(List.of("a-0@10", "a-0@11", "a-1@5"), positions(sample().records("a")));
        assertFalse(sample().records("zzz").iterator().hasNext());
    }

    @Test
    void shouldSkipPartitionsWithNoRecordsWhileIterating() {
        final Map<TopicPartition, List<ConsumerRecord<String, String>>> map = new LinkedHashMap<>();
        map.put(A0, List.of());
        map.put(A1, records(A1, 0, 1));
        map.put(B0, List.of());
        final ConsumerRecords<String, String> records = new ConsumerRecords<>(map);
        assertEquals(List.of("a-1@0"), positions(records));
        assertEquals(1, records.count());
        final var it = records.iterator();
        it.next();
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void shouldShareOneEmptyInstance() {
        final ConsumerRecords<String, String> empty = ConsumerRecords.empty();
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.count());
        assertFalse(empty.iterator().hasNext());
        assertSame(empty, ConsumerRecords.<Integer, Integer>empty());
    }

    @Test
    void shouldExposeLeaderEpochOnlyWhenKnown() {
        final ConsumerRecord<String, String> withEpoch = new ConsumerRecord<>("t", 0, 1, 1000L, TimestampType.CREATE_TIME,
            1, 2, "k", "vv", null, 7);
        assertEquals(Optional.of(7), withEpoch.leaderEpoch());
        assertEquals(new TopicPartition("t", 0), withEpoch.topicPartition());
        assertEquals(0, withEpoch.headers().size());
        assertEquals(Optional.empty(), new ConsumerRecord<>("t", 0, 1, "k", "v").leaderEpoch());
        assertEquals(TimestampType.NO_TIMESTAMP_TYPE, new ConsumerRecord<>("t", 0, 1, "k", "v").timestampType());
    }

    @Test
    void shouldRejectNegativeCommitOffsets() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OffsetAndMetadata(-1));
        assertEquals("Invalid negative offset -1 in OffsetAndMetadata", e.getMessage());
        assertEquals(new OffsetAndMetadata(5, null), new OffsetAndMetadata(5, ""));
        assertEquals(Optional.of(3), new OffsetAndMetadata(5, 3, "m").leaderEpoch());
        assertEquals(Optional.empty(), new OffsetAndMetadata(5).leaderEpoch());
    }
}
