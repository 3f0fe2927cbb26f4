package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.PartitionState;
import dev.sluice.client.internal.util.MockTime;
import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At {@code linger.ms} 50, a compressed batch holding {@code batch.size} uncompressed bytes goes
 * to an idle leader at once while the leader's queue is shallow (a moderate rate), and waits as
 * {@link IdleSendRule} projects while it is deep (unthrottled). Eight partitions on one leader,
 * real lz4/zstd compression, time from the injected {@link MockTime}, which never moves here: every
 * batch fills in the same millisecond as its partition's previous drain, the case in which the
 * projection alone would hold it until half the linger had passed.
 */
class IdleLeaderQueueTest {
    private static final Header[] NO_HEADERS = new Header[0];
    private static final int BATCH_SIZE = 16 * 1024;
    private static final long LINGER_MS = 50;
    private static final int PARTITIONS = 8;

    private final MockTime time = new MockTime();
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final ClusterView cluster;
    private final byte[] value = new byte[1024];
    private BatchBuilderWriters writers;

    IdleLeaderQueueTest() {
        final List<PartitionState> states = new ArrayList<>();
        for (int i = 0; i < PARTITIONS; i++) {
            partitions.add(new TopicPartition("t", i));
            states.add(new PartitionState(partitions.get(i), 1, 0));
        }
        cluster = new ClusterView(List.of(new BrokerNode(1, "127.0.0.1", 9092, null)), states, Map.of());
        Arrays.fill(value, (byte) 'a');
    }

    @AfterEach
    void closeWriters() {
        writers.close();
    }

    /** An accumulator that has learned the topic's ratio from 20 full batches of partition 0, all drained now. */
    private RecordAccumulator warmedAccumulator(final CompressionType type) throws Exception {
        writers = new BatchBuilderWriters(type, CompressionLevels.NO_LEVEL);
        final RecordAccumulator acc = new RecordAccumulator(
            new RecordAccumulator.Config(BATCH_SIZE, LINGER_MS, 600_000, 100, 1000, 1024 * 1024),
            new BufferPool(64L * 1024 * 1024, BATCH_SIZE, time), writers, time);
        final TopicPartition first = partitions.get(0);
        for (int i = 0; i < 20; i++) {
            while (acc.queuedBatches(first) < 2) {
                append(acc, first);
            }
            acc.drain(cluster, Set.of(1), Integer.MAX_VALUE, null, time.milliseconds());
        }
        return acc;
    }

    private void append(final RecordAccumulator acc, final TopicPartition tp) throws InterruptedException {
        acc.append(tp, time.milliseconds(), null, value, NO_HEADERS, (offset, ts, error) -> { }, 0);
    }

    /** Appends to {@code tp} until its open batch holds batch.size uncompressed bytes, as the sticky partitioner does. */
    private void fillToBatchSize(final RecordAccumulator acc, final TopicPartition tp) throws InterruptedException {
        do {
            append(acc, tp);
        } while (!acc.firstQueued(tp).holdsUncompressed(BATCH_SIZE));
        assertEquals(1, acc.queuedBatches(tp));
        assertFalse(acc.firstQueued(tp).isFull(), "the learned ratio leaves room past batch.size uncompressed");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldSendABatchToAnIdleLeaderAtOnceWhileItsQueueIsShallow(final CompressionType type) throws Exception {
        final RecordAccumulator acc = warmedAccumulator(type);
        // Moderate rate: the partitioner has touched every partition once and filled partition 0.
        for (final TopicPartition tp : partitions.subList(1, PARTITIONS)) {
            append(acc, tp);
        }
        fillToBatchSize(acc, partitions.get(0));

        assertTrue(acc.ready(cluster, time.milliseconds(), node -> false).readyNodes().isEmpty(),
            "with a request in flight the batch keeps growing toward its compressed size");
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds(), node -> true).readyNodes(),
            "an idle leader with about one batch.size queued takes the batch now, not half a linger later");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldKeepBatchesGrowingOnAnIdleLeaderWhileItsQueueIsDeep(final CompressionType type) throws Exception {
        final RecordAccumulator acc = warmedAccumulator(type);
        // Unthrottled: a whole round of the partitioner arrived while the previous request was in flight.
        for (final TopicPartition tp : partitions) {
            fillToBatchSize(acc, tp);
        }

        final RecordAccumulator.ReadyCheck check = acc.ready(cluster, time.milliseconds(), node -> true);
        assertTrue(check.readyNodes().isEmpty(),
            "more than batch.size per partition queued: the batches keep growing, as IdleSendRule projects");
        assertTrue(check.nextReadyCheckDelayMs() > 0 && check.nextReadyCheckDelayMs() < LINGER_MS,
            "the sender is woken when idle-sending starts to pay: " + check.nextReadyCheckDelayMs() + " ms");
    }
}
