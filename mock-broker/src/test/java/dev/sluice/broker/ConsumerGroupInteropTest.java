package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kafka-clients 4.1.0 KafkaConsumers in consumer groups (classic protocol) against the embedded
 * broker: partitions are split without overlap or gap, a survivor takes over, and committed
 * offsets outlive a broker restart.
 */
class ConsumerGroupInteropTest {

    private static final int PARTITIONS = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private static MockBroker startBroker(final Path dataDir) throws Exception {
        return MockBroker.builder().port(0).dataDir(dataDir)
                .config("num.partitions", Integer.toString(PARTITIONS))
                .config("group.initial.rebalance.delay.ms", "0")
                .build().start();
    }

    static void createTopic(final MockBroker broker, final String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends {@code count} records "0".."count-1", keyed so that every partition gets some. */
    static Set<String> produce(final MockBroker broker, final String topic, final int count) throws Exception {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        final Set<String> values = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % PARTITIONS, "k" + i, Integer.toString(i)));
                values.add(Integer.toString(i));
            }
            producer.flush();
        }
        return values;
    }

    private static KafkaConsumer<String, String> consumer(final MockBroker broker, final String group, final String clientId) {
        return consumer(broker, group, clientId, "range");
    }

    private static KafkaConsumer<String, String> consumer(final MockBroker broker, final String group, final String clientId,
                                                          final String assignor) {
        return consumer(broker, group, clientId, assignor, Map.of());
    }

    private static KafkaConsumer<String, String> consumer(final MockBroker broker, final String group, final String clientId,
                                                          final String assignor, final Map<String, Object> overrides) {
        final Properties props = new Properties();
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "range".equals(assignor) ? RangeAssignor.class.getName() : CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.putAll(overrides);
        return new KafkaConsumer<>(props);
    }

    /** Polls every consumer in turn (each stays on this one thread) until {@code done} or the deadline. */
    @SafeVarargs
    private static void pollUntil(final BooleanSupplier done, final Map<TopicPartition, List<String>> received,
                                  final KafkaConsumer<String, String>... consumers) {
        final long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + DEADLINE);
            for (final KafkaConsumer<String, String> consumer : consumers) {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    assertTrue(consumer.assignment().contains(new TopicPartition(record.topic(), record.partition())),
                            "record from a partition the consumer does not own");
                    received.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>())
                            .add(record.value());
                }
            }
        }
    }

    /** Eager (range) and incremental cooperative rebalancing, which runs two rebalances back to back. */
    @ParameterizedTest
    @ValueSource(strings = {"range", "cooperative-sticky"})
    void shouldSplitPartitionsWithoutOverlapAndHandAllToTheSurvivor(final String assignor) throws Exception {
        try (MockBroker broker = startBroker(dataDir)) {
            final String topic = "split";
            createTopic(broker, topic);
            final Set<TopicPartition> all = new HashSet<>();
            for (int p = 0; p < PARTITIONS; p++) {
                all.add(new TopicPartition(topic, p));
            }
            final Map<TopicPartition, List<String>> received = new HashMap<>();
            try (KafkaConsumer<String, String> first = consumer(broker, "splitters", "first", assignor)) {
                final KafkaConsumer<String, String> second = consumer(broker, "splitters", "second", assignor);
                try {
                    first.subscribe(List.of(topic));
                    second.subscribe(List.of(topic));
                    pollUntil(() -> {
                        final Set<TopicPartition> a = first.assignment();
                        final Set<TopicPartition> b = second.assignment();
                        return !a.isEmpty() && !b.isEmpty() && a.size() + b.size() == PARTITIONS;
                    }, received, first, second);
                    final Set<TopicPartition> union = new HashSet<>(first.assignment());
                    union.addAll(second.assignment());
                    assertEquals(all, union, "every partition is assigned");
                    final Set<TopicPartition> overlap = new HashSet<>(first.assignment());
                    overlap.retainAll(second.assignment());
                    assertTrue(overlap.isEmpty(), "no partition is assigned twice: " + overlap);
                    assertAdminSeesStableGroupOfTwo(broker, assignor, first.assignment(), second.assignment());
                    // Both own something and both consume it.
                    final Set<String> expected = produce(broker, topic, 400);
                    pollUntil(() -> count(received) >= expected.size(), received, first, second);
                    assertEquals(expected, values(received));
                } finally {
                    second.close();
                }
                pollUntil(() -> first.assignment().size() == PARTITIONS, received, first);
                assertEquals(all, first.assignment());
                final Set<String> more = produce(broker, topic, 80);
                final int before = count(received);
                pollUntil(() -> count(received) >= before + more.size(), received, first);
            }
        }
    }

    /**
     * A member that vanishes without LeaveGroup (kafka-clients' internal switch skips it on close,
     * as after a crash) is removed when its session times out, and the survivor takes over.
     */
    @Test
    void shouldHandTheSurvivorAllPartitionsWhenAMemberStopsHeartbeating() throws Exception {
        try (MockBroker broker = MockBroker.builder().port(0).dataDir(dataDir)
                .config("num.partitions", Integer.toString(PARTITIONS))
                .config("group.initial.rebalance.delay.ms", "0")
                .config("group.min.session.timeout.ms", "1000")
                .build().start()) {
            final String topic = "vanish";
            createTopic(broker, topic);
            final Map<String, Object> shortSession = Map.of(
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 2_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 300);
            final Map<TopicPartition, List<String>> received = new HashMap<>();
            try (KafkaConsumer<String, String> survivor = consumer(broker, "vanishing", "survivor", "range", shortSession)) {
                final Map<String, Object> crash = new HashMap<>(shortSession);
                crash.put("internal.leave.group.on.close", false);
                final KafkaConsumer<String, String> ghost = consumer(broker, "vanishing", "ghost", "range", crash);
                try {
                    survivor.subscribe(List.of(topic));
                    ghost.subscribe(List.of(topic));
                    pollUntil(() -> !survivor.assignment().isEmpty() && !ghost.assignment().isEmpty()
                            && survivor.assignment().size() + ghost.assignment().size() == PARTITIONS, received, survivor, ghost);
                } finally {
                    ghost.close(Duration.ZERO);
                }
                pollUntil(() -> survivor.assignment().size() == PARTITIONS, received, survivor);
            }
        }
    }

    /**
     * With an initial rebalance delay the first JoinGroup is parked and answered by the group
     * timer thread, not by a request on the network thread: the answer must still reach the client.
     */
    @Test
    void shouldAnswerAJoinParkedByTheInitialRebalanceDelay() throws Exception {
        try (MockBroker broker = MockBroker.builder().port(0).dataDir(dataDir)
                .config("num.partitions", Integer.toString(PARTITIONS))
                .config("group.initial.rebalance.delay.ms", "500")
                .build().start()) {
            final String topic = "delayed";
            createTopic(broker, topic);
            try (KafkaConsumer<String, String> consumer = consumer(broker, "patient", "patient")) {
                consumer.subscribe(List.of(topic));
                final Map<TopicPartition, List<String>> received = new HashMap<>();
                pollUntil(() -> consumer.assignment().size() == PARTITIONS, received, consumer);
            }
        }
    }

    /**
     * An {@code assign()} consumer commits without membership (generation -1); AdminClient reads
     * those offsets back, and a subscriber of the same group starts from them.
     */
    @Test
    void shouldLetSubscribersResumeFromOffsetsCommittedByAnAssignConsumer() throws Exception {
        try (MockBroker broker = startBroker(dataDir)) {
            final String topic = "handover";
            createTopic(broker, topic);
            produce(broker, topic, 16 * PARTITIONS);
            final Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                commits.put(new TopicPartition(topic, p), new OffsetAndMetadata(p, "set by assign()"));
            }
            try (KafkaConsumer<String, String> manual = consumer(broker, "handover", "manual")) {
                manual.assign(commits.keySet());
                manual.commitSync(commits);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertEquals(commits, admin.listConsumerGroupOffsets("handover").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS));
            }
            try (KafkaConsumer<String, String> subscriber = consumer(broker, "handover", "subscriber")) {
                subscriber.subscribe(List.of(topic));
                final Map<TopicPartition, List<String>> received = new HashMap<>();
                final int expected = 16 * PARTITIONS - (PARTITIONS * (PARTITIONS - 1) / 2);
                pollUntil(() -> count(received) >= expected, received, subscriber);
                assertEquals(expected, count(received));
                for (int p = 0; p < PARTITIONS; p++) {
                    // Partition p holds records p, p+8, ...; offset p is record p + p*8.
                    assertEquals(Integer.toString(p + p * PARTITIONS), received.get(new TopicPartition(topic, p)).get(0));
                }
            }
        }
    }

    /** As in Kafka, deleting a topic drops its committed offsets: a topic recreated under the name starts fresh. */
    @Test
    void shouldDropCommittedOffsetsOfADeletedTopic() throws Exception {
        try (MockBroker broker = startBroker(dataDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final String topic = "short-lived";
            createTopic(broker, topic);
            produce(broker, topic, PARTITIONS);
            final TopicPartition p0 = new TopicPartition(topic, 0);
            try (KafkaConsumer<String, String> manual = consumer(broker, "forgetful", "manual")) {
                manual.assign(List.of(p0));
                manual.commitSync(Map.of(p0, new OffsetAndMetadata(1)));
            }
            assertEquals(Map.of(p0, new OffsetAndMetadata(1)),
                    admin.listConsumerGroupOffsets("forgetful").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));

            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            createTopic(broker, topic);

            assertTrue(admin.listConsumerGroupOffsets("forgetful").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .isEmpty());
        }
    }

    @Test
    void shouldResumeFromCommittedOffsetsAfterABrokerRestart() throws Exception {
        final String topic = "resume";
        final Map<TopicPartition, OffsetAndMetadata> committed;
        final Set<String> all;
        try (MockBroker broker = startBroker(dataDir)) {
            createTopic(broker, topic);
            all = produce(broker, topic, 200);
            final Map<TopicPartition, List<String>> received = new HashMap<>();
            try (KafkaConsumer<String, String> consumer = consumer(broker, "resumers", "before")) {
                consumer.subscribe(List.of(topic));
                pollUntil(() -> count(received) >= 80, received, consumer);
                consumer.commitSync();
                committed = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
                committed.putAll(consumer.committed(consumer.assignment()));
            }
        }
        long committedTotal = 0;
        for (final OffsetAndMetadata offset : committed.values()) {
            committedTotal += offset == null ? 0 : offset.offset();
        }
        assertTrue(committedTotal >= 80, "committed " + committed);

        try (MockBroker broker = startBroker(dataDir);
             KafkaConsumer<String, String> consumer = consumer(broker, "resumers", "after")) {
            consumer.subscribe(List.of(topic));
            final Map<TopicPartition, List<String>> received = new HashMap<>();
            final long remaining = all.size() - committedTotal;
            pollUntil(() -> count(received) >= remaining, received, consumer);
            assertEquals(remaining, count(received), "nothing before the committed offsets is read again");
            for (final Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                final OffsetAndMetadata offset = entry.getValue();
                final List<String> values = received.getOrDefault(entry.getKey(), List.of());
                final long resumedAt = offset == null ? 0 : offset.offset();
                // Partition p holds records p, p+8, ...: the first one read again is the committed one.
                if (!values.isEmpty()) {
                    assertEquals(Long.toString(entry.getKey().partition() + resumedAt * PARTITIONS), values.get(0),
                            "partition " + entry.getKey().partition() + " resumes at its committed offset " + resumedAt);
                }
            }
        }
    }

    /** AdminClient (DescribeGroups) decodes our member metadata and assignments with its own ConsumerProtocol. */
    /**
     * KIP-345: a static member (group.instance.id) that restarts within its session gets its old
     * partitions back without a rebalance: the generation stays, the other member keeps its share.
     * kafka-clients sends no LeaveGroup when a static member closes, so the broker only sees the new
     * incarnation join with an empty member id and the same instance id.
     */
    @Test
    void shouldGiveARestartedStaticMemberItsPartitionsBackWithoutARebalance() throws Exception {
        try (MockBroker broker = startBroker(dataDir)) {
            final String topic = "static";
            createTopic(broker, topic);
            final Map<TopicPartition, List<String>> received = new HashMap<>();
            final Map<String, Object> staticA = Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "instance-a");
            final Map<String, Object> staticB = Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "instance-b");
            try (KafkaConsumer<String, String> stays = consumer(broker, "statics", "stays", "range", staticB)) {
                final Set<TopicPartition> before;
                final int generation;
                try (KafkaConsumer<String, String> restarts = consumer(broker, "statics", "restarts", "range", staticA)) {
                    restarts.subscribe(List.of(topic));
                    stays.subscribe(List.of(topic));
                    pollUntil(() -> !restarts.assignment().isEmpty() && !stays.assignment().isEmpty()
                            && restarts.assignment().size() + stays.assignment().size() == PARTITIONS,
                            received, restarts, stays);
                    before = Set.copyOf(restarts.assignment());
                    generation = restarts.groupMetadata().generationId();
                    assertEquals(generation, stays.groupMetadata().generationId());
                }
                final Set<TopicPartition> staysOwned = Set.copyOf(stays.assignment());
                try (KafkaConsumer<String, String> again = consumer(broker, "statics", "restarts", "range", staticA)) {
                    again.subscribe(List.of(topic));
                    pollUntil(() -> !again.assignment().isEmpty(), received, again, stays);
                    assertEquals(before, again.assignment(), "the restarted member owns what it owned");
                    assertEquals(generation, again.groupMetadata().generationId(), "no new generation");
                    final Set<String> expected = produce(broker, topic, 160);
                    pollUntil(() -> count(received) >= expected.size(), received, again, stays);
                    assertEquals(expected, values(received));
                    assertEquals(staysOwned, stays.assignment(), "the other member kept its partitions");
                    assertEquals(generation, stays.groupMetadata().generationId(), "the other member did not rejoin");
                }
            }
        }
    }

    private static void assertAdminSeesStableGroupOfTwo(final MockBroker broker, final String assignor,
                                                        final Set<TopicPartition> first, final Set<TopicPartition> second)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("splitters"))
                    .describedGroups().get("splitters").get(30, TimeUnit.SECONDS);
            assertEquals(GroupState.STABLE, group.groupState());
            assertEquals(assignor, group.partitionAssignor());
            final Set<Set<TopicPartition>> assignments = new HashSet<>();
            for (final MemberDescription member : group.members()) {
                assignments.add(member.assignment().topicPartitions());
            }
            assertEquals(Set.of(first, second), assignments);
        }
    }

    private static int count(final Map<TopicPartition, List<String>> received) {
        int count = 0;
        for (final List<String> values : received.values()) {
            count += values.size();
        }
        return count;
    }

    private static Set<String> values(final Map<TopicPartition, List<String>> received) {
        final Set<String> values = new HashSet<>();
        received.values().forEach(values::addAll);
        return values;
    }
}
