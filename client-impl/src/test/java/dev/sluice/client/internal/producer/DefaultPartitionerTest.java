package dev.sluice.client.internal.producer;

import dev.sluice.client.internal.util.Murmur2;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultPartitionerTest {

    @Test
    void shouldHashExactlyLikeKafkaClientsForRandomKeysOfEveryLength() {
        final Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            final byte[] key = new byte[random.nextInt(64)];
            random.nextBytes(key);
            assertEquals(Utils.murmur2(key), Murmur2.hash(key), () -> "key length " + key.length);
        }
    }

    @Test
    void shouldPickTheSamePartitionAsKafkaClientsForKeyedRecords() {
        final DefaultPartitioner partitioner = new DefaultPartitioner(false, 16384);
        final Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            final byte[] key = ("key-" + random.nextLong()).getBytes(StandardCharsets.UTF_8);
            final int partitions = 1 + random.nextInt(100);
            assertEquals(BuiltInPartitioner.partitionForKey(key, partitions),
                partitioner.partition("t", key, partitions, List.of(), key.length));
        }
    }

    @Test
    void shouldKeepKeyedPartitionEvenWhenThatPartitionHasNoLeader() {
        final DefaultPartitioner partitioner = new DefaultPartitioner(false, 16384);
        final byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        final int expected = DefaultPartitioner.partitionForKey(key, 10);
        final int other = (expected + 1) % 10;
        assertEquals(expected, partitioner.partition("t", key, 10, List.of(other), 1));
    }

    @Test
    void shouldStickToOnePartitionUntilABatchWorthWasSent() {
        final DefaultPartitioner partitioner = new DefaultPartitioner(false, 1000);
        final List<Integer> all = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        final int first = partitioner.partition("t", null, 8, all, 100);
        for (int i = 0; i < 9; i++) {
            assertEquals(first, partitioner.partition("t", null, 8, all, 100), "record " + i);
        }
        partitioner.partition("t", null, 8, all, 100); // 1000 bytes sent: the quota is used up
        final int next = partitioner.partition("t", null, 8, all, 100);
        assertTrue(next != first, "moves on after a batch worth of bytes");
    }

    @Test
    void shouldSpreadUnkeyedRecordsOverAvailablePartitionsOnly() {
        final DefaultPartitioner partitioner = new DefaultPartitioner(false, 10);
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(partitioner.partition("t", null, 6, List.of(1, 3, 5), 10));
        }
        assertEquals(Set.of(1, 3, 5), seen);
    }

    @Test
    void shouldTreatKeyedRecordsAsUnkeyedWhenIgnoringKeys() {
        final DefaultPartitioner partitioner = new DefaultPartitioner(true, 1 << 20);
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(partitioner.partition("t", ("key" + i).getBytes(StandardCharsets.UTF_8), 50, List.of(), 10));
        }
        assertEquals(1, seen.size(), "keys ignored: all records stick to one partition");
    }
}
