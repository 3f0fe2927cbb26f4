package dev.sluice.client.impl;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A single-member group whose subscribed topic is not in the member's metadata when it could join.
 * This is what made one sample run read nothing: the consumer's coordinator answered before its first
 * metadata response listed the topic, the leader took the unknown topic's partition count (-1) for a
 * real one and assigned itself no partitions, and nothing made the group rebalance afterwards.
 */
class SluiceConsumerTopicNotYetKnownMockBrokerTest {
    private static final int PARTITIONS = 6;
    /** Polls while the topic is missing: plenty of time for FindCoordinator, JoinGroup and SyncGroup. */
    private static final int POLLS_BEFORE_TOPIC_EXISTS = 20;
    private static final long ASSIGNMENT_DEADLINE_MS = 30_000;

    @Test
    void shouldAssignEveryPartitionToTheOnlyMemberOnceTheSubscribedTopicAppears() throws Exception {
        // No auto-creation: the topic stays unknown to the consumer until the admin creates it.
        try (MockBroker broker = MockBroker.builder().port(0).config("auto.create.topics.enable", "false")
                .config("group.initial.rebalance.delay.ms", "0").build().start()) {
            final String topic = "appears-later";
            final Map<String, Object> props = new HashMap<>();
            props.put("bootstrap.servers", broker.bootstrapServers());
            props.put("group.id", "appears-later-group");
            props.put("auto.offset.reset", "earliest");
            props.put("allow.auto.create.topics", false);
            try (SluiceConsumer<byte[], byte[]> consumer =
                     new SluiceConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                for (int i = 0; i < POLLS_BEFORE_TOPIC_EXISTS; i++) {
                    consumer.poll(Duration.ofMillis(100));
                }
                createTopic(broker.bootstrapServers(), topic);

                final long deadline = System.currentTimeMillis() + ASSIGNMENT_DEADLINE_MS;
                Set<TopicPartition> assignment = consumer.assignment();
                while (assignment.size() < PARTITIONS && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(100));
                    assignment = consumer.assignment();
                }
                assertEquals(allPartitions(topic), assignment);
            }
        }
    }

    private static void createTopic(final String bootstrapServers, final String topic) throws Exception {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
            AbstractConsumerRoundTripTest.awaitLeaders(admin, topic, PARTITIONS);
        }
    }

    private static Set<TopicPartition> allPartitions(final String topic) {
        final Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < PARTITIONS; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return all;
    }
}
