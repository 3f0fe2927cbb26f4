package dev.sluice.client.internal.producer;

import dev.sluice.codec.record.Header;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.PartitionState;
import dev.sluice.client.internal.util.MockTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordAccumulatorTest {
    private static final Header[] NO_HEADERS = new Header[0];
    private static final int BATCH_SIZE = 1024;
    private static final long LINGER_MS = 10;
    private static final long DELIVERY_TIMEOUT_MS = 1000;
    private static final TopicPartition TP0 = new TopicPartition("t", 0);
    private static final TopicPartition TP1 = new TopicPartition("t", 1);

    private final MockTime time = new MockTime();
    private final ClusterView cluster = new ClusterView(
        List.of(new BrokerNode(1, "127.0.0.1", 9092, null), new BrokerNode(2, "127.0.0.1", 9093, null)),
        List.of(new PartitionState(TP0, 1, 0), new PartitionState(TP1, 2, 0)), Map.of());

    private RecordAccumulator accumulator(final long bufferMemory) {
        return new RecordAccumulator(new RecordAccumulator.Config(BATCH_SIZE, LINGER_MS, DELIVERY_TIMEOUT_MS, 100, 1000),
            new BufferPool(bufferMemory, BATCH_SIZE, time), new TestWriters(), time);
    }

    private static RecordAccumulator.AppendResult append(final RecordAccumulator acc, final TopicPartition tp,
                                                         final int valueSize, final List<String> outcomes) throws InterruptedException {
        return acc.append(tp, 0L, null, new byte[valueSize], NO_HEADERS,
            (offset, ts, error) -> outcomes.add(error == null ? "ok@" + offset : error.getClass().getSimpleName()), 0);
    }

    @Test
    void shouldBecomeReadyOnlyOnceLingerHasPassed() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        append(acc, TP0, 10, new ArrayList<>());
        RecordAccumulator.ReadyCheck check = acc.ready(cluster, time.milliseconds());
        assertTrue(check.readyNodes().isEmpty());
        assertEquals(LINGER_MS, check.nextReadyCheckDelayMs());
        time.advance(LINGER_MS - 1);
        assertTrue(acc.ready(cluster, time.milliseconds()).readyNodes().isEmpty());
        time.advance(1);
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds()).readyNodes());
    }

    @Test
    void shouldBecomeReadyAsSoonAsABatchIsFull() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        final int perRecord = TestWriters.recordSize(null, new byte[100]);
        final int fit = (BATCH_SIZE - TestWriters.BATCH_OVERHEAD) / perRecord;
        RecordAccumulator.AppendResult result = null;
        for (int i = 0; i < fit; i++) {
            result = append(acc, TP0, 100, new ArrayList<>());
        }
        assertEquals(1, acc.queuedBatches(TP0));
        assertTrue(acc.ready(cluster, time.milliseconds()).readyNodes().isEmpty() || result.batchIsFull());
        result = append(acc, TP0, 100, new ArrayList<>());
        assertTrue(result.newBatchCreated());
        assertTrue(result.batchIsFull(), "a second batch means the first is full: wake the sender");
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds()).readyNodes(), "ready without lingering");
    }

    @Test
    void shouldBecomeReadyWhenOtherThreadsWaitForMemory() throws Exception {
        final RecordAccumulator acc = accumulator(BATCH_SIZE);
        append(acc, TP0, 10, new ArrayList<>());
        final CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                acc.append(TP1, 0L, null, new byte[10], NO_HEADERS, (o, t, e) -> { }, 60_000);
            } catch (final InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acc.bufferPool().queued() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds()).readyNodes(),
            "memory pressure makes the lingering batch ready");
        final ProducerBatch drained = acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds()).get(1).get(0);
        drained.complete(0, -1, null);
        acc.deallocate(drained);
        blocked.get(30, TimeUnit.SECONDS);
        assertEquals(1, acc.queuedBatches(TP1));
    }

    @Test
    void shouldGiveARecordLargerThanBatchSizeABatchOfItsOwn() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        append(acc, TP0, 10, new ArrayList<>());
        final RecordAccumulator.AppendResult big = append(acc, TP0, 5000, new ArrayList<>());
        assertTrue(big.newBatchCreated());
        append(acc, TP0, 10, new ArrayList<>());
        assertEquals(3, acc.queuedBatches(TP0), "the oversized record's batch takes nothing else");
        final List<ProducerBatch> drained = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            drained.addAll(acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds()).get(1));
        }
        assertEquals(List.of(1, 1, 1), drained.stream().map(ProducerBatch::recordCount).toList());
        assertEquals(5000 + TestWriters.recordSize(null, null) + TestWriters.BATCH_OVERHEAD,
            drained.get(1).pooledBuffer().capacity(), "sized to the record, not batch.size");
    }

    @Test
    void shouldExpireQueuedBatchesAfterDeliveryTimeout() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        append(acc, TP0, 10, new ArrayList<>());
        time.advance(DELIVERY_TIMEOUT_MS - 1);
        assertTrue(acc.expiredBatches(time.milliseconds()).isEmpty());
        time.advance(1);
        final List<ProducerBatch> expired = acc.expiredBatches(time.milliseconds());
        assertEquals(1, expired.size());
        assertEquals(0, acc.queuedBatches(TP0));
    }

    @Test
    void shouldDrainAtMostOneBatchPerPartitionWithinMaxRequestSize() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        for (int i = 0; i < 30; i++) {
            append(acc, TP0, 100, new ArrayList<>());
        }
        final Map<Integer, List<ProducerBatch>> drained = acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds());
        assertEquals(1, drained.get(1).size());
        assertTrue(drained.get(1).get(0).isClosed());
        assertTrue(acc.queuedBatches(TP0) > 0);
    }

    @Test
    void shouldAssignConsecutiveSequencesAndKeepThemOnRetry() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        final IdempotenceState idem = new IdempotenceState();
        assertTrue(acc.drain(cluster, Set.of(1), 1 << 20, idem, time.milliseconds()).isEmpty(),
            "nothing leaves before the producer has an id");
        idem.producerIdAssigned(42, (short) 0);
        final List<ProducerBatch> sent = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 3; i++) {
                append(acc, TP0, 10, new ArrayList<>());
            }
            sent.addAll(acc.drain(cluster, Set.of(1), 1 << 20, idem, time.milliseconds()).get(1));
        }
        assertEquals(List.of(0, 3, 6), sent.stream().map(ProducerBatch::baseSequence).toList());
        append(acc, TP0, 10, new ArrayList<>()); // a new batch queued behind the retries
        // The first two fail and come back out of order; the deque must put them back by sequence.
        acc.reenqueue(sent.get(1), time.milliseconds());
        acc.reenqueue(sent.get(0), time.milliseconds());
        time.advance(1000);
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final ProducerBatch next = acc.drain(cluster, Set.of(1), 1 << 20, idem, time.milliseconds()).get(1).get(0);
            order.add(next.baseSequence());
        }
        assertEquals(List.of(0, 3, 9), order);
    }

    @Test
    void shouldHoldRetriedBatchForItsExponentialBackoff() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        assertEquals(100, acc.retryBackoffMs(1));
        assertEquals(200, acc.retryBackoffMs(2));
        assertEquals(1000, acc.retryBackoffMs(10), "capped at retry.backoff.max.ms");
        append(acc, TP0, 10, new ArrayList<>());
        time.advance(LINGER_MS);
        final ProducerBatch batch = acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds()).get(1).get(0);
        acc.reenqueue(batch, time.milliseconds());
        assertTrue(acc.ready(cluster, time.milliseconds()).readyNodes().isEmpty());
        time.advance(99);
        assertTrue(acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds()).isEmpty());
        time.advance(1);
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds()).readyNodes());
    }

    @Test
    void shouldCompleteRecordsInAppendOrderWithConsecutiveOffsets() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        final List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            append(acc, TP0, 10, outcomes);
        }
        final ProducerBatch batch = acc.drain(cluster, Set.of(1), 1 << 20, null, time.milliseconds()).get(1).get(0);
        assertTrue(batch.complete(100, -1, null));
        assertFalse(batch.complete(-1, -1, new IllegalStateException("late")), "completes once");
        assertEquals(List.of("ok@100", "ok@101", "ok@102"), outcomes);
    }

    @Test
    void shouldFailEverythingQueuedOnAbort() throws Exception {
        final RecordAccumulator acc = accumulator(64 * 1024);
        final List<String> outcomes = new ArrayList<>();
        append(acc, TP0, 10, outcomes);
        append(acc, TP1, 10, outcomes);
        acc.abortIncompleteBatches(new IllegalStateException("closed"));
        assertEquals(List.of("IllegalStateException", "IllegalStateException"), outcomes);
        assertEquals(64 * 1024, acc.bufferPool().availableMemory());
        assertFalse(acc.hasIncomplete());
    }
}
