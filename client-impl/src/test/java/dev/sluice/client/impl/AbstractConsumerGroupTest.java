package dev.sluice.client.impl;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.OffsetAndMetadata;
import dev.sluice.client.errors.RebalanceInProgressException;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sluice consumers in groups, alone and mixed with kafka-clients' KafkaConsumer; run against each
 * broker's group coordinator by a subclass.
 */
abstract class AbstractConsumerGroupTest {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long GROUP_TIMEOUT_MS = 90_000;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** host:port of the broker under test. */
    protected abstract String bootstrapServers();

    @AfterEach
    void closeAll() throws Exception {
        for (final AutoCloseable c : toClose) {
            c.close();
        }
    }

    private void createTopic(final String topic, final int partitions) throws Exception {
        final Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
            AbstractConsumerRoundTripTest.awaitLeaders(admin, topic, partitions);
        }
    }

    private static final class Properties extends java.util.Properties {
    }

    private SluiceConsumer<byte[], byte[]> member(final String group, final String strategy, final boolean autoCommit) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("group.id", group);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", autoCommit);
        props.put("partition.assignment.strategy", strategy);
        props.put("session.timeout.ms", 10_000);
        props.put("heartbeat.interval.ms", 500);
        props.put("max.poll.interval.ms", 20_000);
        final SluiceConsumer<byte[], byte[]> consumer =
            new SluiceConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        toClose.add(consumer);
        return consumer;
    }

    /** Polls every consumer in turn until {@code done} holds. */
    private static void pollUntil(final List<Runnable> pollers, final BooleanSupplier done, final String what) {
        final long deadline = System.currentTimeMillis() + GROUP_TIMEOUT_MS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting until " + what);
            }
            pollers.forEach(Runnable::run);
        }
    }

    private static boolean splitsExactly(final List<Set<TopicPartition>> assignments, final String topic,
                                         final int partitions) {
        final Set<TopicPartition> union = new HashSet<>();
        int total = 0;
        for (final Set<TopicPartition> a : assignments) {
            if (a.isEmpty()) {
                return false;
            }
            union.addAll(a);
            total += a.size();
        }
        final Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return total == partitions && union.equals(all);
    }

    private static Set<TopicPartition> sluiceView(final Set<org.apache.kafka.common.TopicPartition> kafkaSet) {
        final Set<TopicPartition> out = new HashSet<>();
        kafkaSet.forEach(tp -> out.add(new TopicPartition(tp.topic(), tp.partition())));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"range", "roundrobin", "cooperative-sticky"})
    void shouldSplitTwelvePartitionsAcrossThreeMembersAndRebalanceWhenOneLeaves(final String strategy) throws Exception {
        final String topic = "group-split-" + strategy;
        final String group = "split-" + strategy;
        createTopic(topic, 12);
        final List<SluiceConsumer<byte[], byte[]>> members = new ArrayList<>();
        final List<List<Collection<TopicPartition>>> assignedCallbacks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final SluiceConsumer<byte[], byte[]> consumer = member(group, strategy, false);
            final List<Collection<TopicPartition>> seen = new CopyOnWriteArrayList<>();
            assignedCallbacks.add(seen);
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
                    seen.add(List.copyOf(partitions));
                }
            });
            members.add(consumer);
        }
        final List<Runnable> pollers = new ArrayList<>();
        members.forEach(m -> pollers.add(() -> m.poll(POLL)));
        pollUntil(pollers, () -> splitsExactly(members.stream().map(SluiceConsumer::assignment).toList(), topic, 12)
            && members.stream().allMatch(m -> m.assignment().size() == 4), "three members hold 4 partitions each");
        for (int i = 0; i < 3; i++) {
            assertTrue(assignedCallbacks.get(i).stream().mapToInt(Collection::size).sum() >= 4,
                "rebalance listener saw the assignment");
        }
        members.get(0).close();
        final List<SluiceConsumer<byte[], byte[]>> rest = members.subList(1, 3);
        final List<Runnable> restPollers = pollers.subList(1, 3);
        pollUntil(restPollers, () -> splitsExactly(rest.stream().map(SluiceConsumer::assignment).toList(), topic, 12)
            && rest.stream().allMatch(m -> m.assignment().size() == 6), "two members hold 6 partitions each");
    }

    /**
     * A commit while the member waits in SyncGroup must fail with RebalanceInProgressException and
     * must not leave the member wanting another rebalance once this one completes (an application
     * that commits after every poll would otherwise rebalance forever). The kafka-clients leader's
     * assignor is held on a latch so the Sluice member sits in SyncGroup for as long as the test
     * needs.
     */
    @Test
    void shouldNotRebalanceAgainAfterACommitFailedDuringSync() throws Exception {
        final String topic = "commit-during-sync";
        final String group = "commit-during-sync";
        createTopic(topic, 6);
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("group.id", group);
        props.put("enable.auto.commit", false);
        // Long enough to outlast the held assignor: kafka-clients cannot heartbeat while it runs.
        props.put("session.timeout.ms", 30_000);
        props.put("heartbeat.interval.ms", 200);
        props.put("max.poll.interval.ms", 60_000);
        props.put("partition.assignment.strategy", GatedRangeAssignor.class.getName());
        final KafkaConsumer<byte[], byte[]> leader = new KafkaConsumer<>(props,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        toClose.add(leader);
        leader.subscribe(List.of(topic));
        GatedRangeAssignor.open();
        pollUntil(List.of(() -> leader.poll(POLL)), () -> leader.assignment().size() == 6,
            "the kafka-clients member holds all 6 partitions");

        GatedRangeAssignor.close();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread leaderLoop = new Thread(() -> {
            while (running.get()) {
                leader.poll(Duration.ofMillis(50));
            }
        }, "gated-leader");
        leaderLoop.start();
        try {
            final SluiceConsumer<byte[], byte[]> follower = member(group, "range", false);
            final List<Collection<TopicPartition>> assigned = new CopyOnWriteArrayList<>();
            follower.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
                    assigned.add(List.copyOf(partitions));
                }
            });
            pollUntil(List.of(() -> follower.poll(POLL)), GatedRangeAssignor::entered,
                "the leader computes the new assignment");
            // A few more polls: the follower reads its JoinGroup answer and waits in SyncGroup.
            for (int i = 0; i < 5; i++) {
                follower.poll(POLL);
            }
            assertThrows(RebalanceInProgressException.class,
                () -> follower.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0))));

            GatedRangeAssignor.open();
            pollUntil(List.of(() -> follower.poll(POLL)), () -> follower.assignment().size() == 3,
                "the Sluice member holds 3 partitions");
            final int rebalancesSeen = assigned.size();
            final Set<TopicPartition> settled = follower.assignment();
            // Several heartbeat intervals: a member that still wanted to rejoin would have done so.
            final long until = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < until) {
                follower.poll(POLL);
            }
            assertEquals(rebalancesSeen, assigned.size(), "no further rebalance after the group settled");
            assertEquals(settled, follower.assignment());
            follower.commitSync(Map.of(new TopicPartition(topic, settled.iterator().next().partition()),
                new OffsetAndMetadata(0)));
        } finally {
            GatedRangeAssignor.open();
            running.set(false);
            leaderLoop.join(30_000);
        }
    }

    /** kafka-clients' range assignor that, while closed, waits before assigning (test seam). */
    public static final class GatedRangeAssignor extends org.apache.kafka.clients.consumer.RangeAssignor {
        private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);
        private static volatile boolean entered;

        static void close() {
            entered = false;
            gate = new java.util.concurrent.CountDownLatch(1);
        }

        static void open() {
            gate.countDown();
        }

        static boolean entered() {
            return entered;
        }

        @Override
        public GroupAssignment assign(final org.apache.kafka.common.Cluster metadata,
                                      final GroupSubscription groupSubscription) {
            entered = true;
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.assign(metadata, groupSubscription);
        }
    }

    @Test
    void shouldShareAGroupWithAKafkaClientsConsumerWithNoOverlapAndNoGap() throws Exception {
        final String topic = "mixed-group";
        final String group = "mixed";
        createTopic(topic, 6);
        final SluiceConsumer<byte[], byte[]> sluice = member(group, "range", false);
        sluice.subscribe(List.of(topic));
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("group.id", group);
        props.put("enable.auto.commit", false);
        props.put("session.timeout.ms", 10_000);
        props.put("heartbeat.interval.ms", 500);
        props.put("max.poll.interval.ms", 20_000);
        final KafkaConsumer<byte[], byte[]> official = new KafkaConsumer<>(props,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        toClose.add(official);
        official.subscribe(List.of(topic));
        pollUntil(List.of(() -> sluice.poll(POLL), () -> official.poll(POLL)),
            () -> splitsExactly(List.of(sluice.assignment(), sluiceView(official.assignment())), topic, 6),
            "the Sluice and the kafka-clients member split the 6 partitions");
        assertEquals(3, sluice.assignment().size());
        assertEquals(3, official.assignment().size());
    }

    private void produce(final String topic, final int partitions, final int perPartition) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
            new ByteArraySerializer())) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, null, ("p" + p + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
    }

    @Test
    void shouldResumeFromCommittedOffsetsAfterRestart() throws Exception {
        final String topic = "resume-committed";
        final String group = "resume";
        createTopic(topic, 2);
        produce(topic, 2, 40);
        final Map<TopicPartition, Long> committedAt = new HashMap<>();
        try (SluiceConsumer<byte[], byte[]> first = member(group, "range", false)) {
            first.subscribe(List.of(topic));
            final List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
            pollUntil(List.of(() -> first.poll(POLL).forEach(got::add)), () -> got.size() >= 30, "30 records arrive");
            final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (final TopicPartition tp : first.assignment()) {
                // Commit part-way, not at the end: resuming from the end would prove nothing.
                final long at = Math.min(first.position(tp), 25);
                offsets.put(tp, new OffsetAndMetadata(at, "checkpoint"));
                committedAt.put(tp, at);
            }
            first.commitSync(offsets);
            final Map<TopicPartition, OffsetAndMetadata> read = first.committed(offsets.keySet());
            for (final TopicPartition tp : offsets.keySet()) {
                assertEquals(committedAt.get(tp), read.get(tp).offset());
                assertEquals("checkpoint", read.get(tp).metadata());
            }
        }
        try (SluiceConsumer<byte[], byte[]> second = member(group, "range", false)) {
            second.subscribe(List.of(topic));
            final Map<TopicPartition, Long> firstOffsetSeen = new HashMap<>();
            pollUntil(List.of(() -> second.poll(POLL).forEach(r ->
                    firstOffsetSeen.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset()))),
                () -> firstOffsetSeen.size() == 2, "both partitions deliver records");
            assertEquals(committedAt, firstOffsetSeen);
        }
    }

    @Test
    void shouldCommitConsumedPositionsOnCloseWithAutoCommit() throws Exception {
        final String topic = "autocommit-close";
        final String group = "autocommit";
        createTopic(topic, 1);
        produce(topic, 1, 20);
        final TopicPartition tp = new TopicPartition(topic, 0);
        try (SluiceConsumer<byte[], byte[]> consumer = member(group, "range", true)) {
            consumer.subscribe(List.of(topic));
            final List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
            pollUntil(List.of(() -> consumer.poll(POLL).forEach(got::add)), () -> got.size() == 20, "20 records arrive");
        }
        try (SluiceConsumer<byte[], byte[]> again = member(group, "range", false)) {
            final Map<TopicPartition, OffsetAndMetadata> committed = again.committed(Set.of(tp));
            assertEquals(20, committed.get(tp).offset());
        }
    }
}
