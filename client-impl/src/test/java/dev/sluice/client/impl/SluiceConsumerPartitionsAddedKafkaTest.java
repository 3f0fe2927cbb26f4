package dev.sluice.client.impl;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.WithApacheKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
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
 * A group leader that sees partitions added to a topic it assigned rebalances so that the new
 * partitions get an owner, as kafka-clients' leader does. Apache Kafka, since the Sluice broker has no
 * CreatePartitions.
 */
@WithApacheKafka
class SluiceConsumerPartitionsAddedKafkaTest {
    private static final long ASSIGNMENT_DEADLINE_MS = 60_000;

    @Test
    void shouldTakeOverPartitionsAddedToTheSubscribedTopic(final ApacheKafkaBroker kafka) throws Exception {
        final String topic = "partitions-added";
        final Map<String, Object> adminProps = new HashMap<>();
        adminProps.put("bootstrap.servers", kafka.bootstrapServers());
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "partitions-added-group");
        // Refresh metadata often so that the added partitions show up within the test's deadline.
        props.put("metadata.max.age.ms", 500);
        try (Admin admin = Admin.create(adminProps);
             SluiceConsumer<byte[], byte[]> consumer =
                 new SluiceConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
            AbstractConsumerRoundTripTest.awaitLeaders(admin, topic, 2);
            consumer.subscribe(List.of(topic));
            assertEquals(partitions(topic, 2), pollUntilAssigned(consumer, 2));

            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(4))).all().get(60, TimeUnit.SECONDS);
            AbstractConsumerRoundTripTest.awaitLeaders(admin, topic, 4);

            assertEquals(partitions(topic, 4), pollUntilAssigned(consumer, 4));
        }
    }

    private static Set<TopicPartition> pollUntilAssigned(final SluiceConsumer<byte[], byte[]> consumer,
                                                         final int partitions) {
        final long deadline = System.currentTimeMillis() + ASSIGNMENT_DEADLINE_MS;
        Set<TopicPartition> assignment = consumer.assignment();
        while (assignment.size() < partitions && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
            assignment = consumer.assignment();
        }
        return assignment;
    }

    private static Set<TopicPartition> partitions(final String topic, final int count) {
        final Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < count; p++) {
            all.add(new TopicPartition(topic, p));
        }
        return all;
    }
}
