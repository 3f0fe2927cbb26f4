package dev.sluice.tools;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a benchmark topic before anything is written to it, and waits until every partition has a
 * leader. Writing straight into an auto-created topic on a freshly started Apache Kafka broker made
 * kafka-clients' idempotent producer loop on NOT_LEADER_OR_FOLLOWER and OUT_OF_ORDER_SEQUENCE_NUMBER
 * until its batches expired (seen in the first consumer-bench run), so the load step no longer relies
 * on auto-creation. Uses kafka-clients' Admin, which both brokers answer.
 */
final class BenchTopics {
    private static final long TIMEOUT_MS = 60_000;

    private BenchTopics() {
    }

    static void create(final String bootstrap, final String topic, final int partitions)
        throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (true) {
                final TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
                if (description.partitions().size() == partitions
                    && description.partitions().stream().map(TopicPartitionInfo::leader).allMatch(l -> l != null)) {
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new TimeoutException("topic " + topic + " has no leader for every partition after "
                        + TIMEOUT_MS + " ms");
                }
                Thread.sleep(100);
            }
        }
    }
}
