package dev.sluice.broker.handler;

import dev.sluice.broker.log.LogManager;
import dev.sluice.broker.log.TopicInfo;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * What every handler needs to know about this broker: its identity and listener, the topic
 * settings it applies, the logs, and the shared services (producer ids, parked fetches).
 *
 * <p>Immutable apart from the services it points to, which are thread-safe themselves.
 *
 * @param nodeId            this node's id, reported as broker, controller and every partition's leader
 * @param host              the host clients should connect to
 * @param port              supplies the bound port (known only once the listener started)
 * @param clusterId         persisted cluster id
 * @param autoCreateTopics  {@code auto.create.topics.enable}
 * @param defaultPartitions {@code num.partitions} for auto-created topics and CreateTopics with -1
 * @param brokerConfigs     the broker's effective settings, for DescribeConfigs of the broker resource
 * @param fetchCounters     counts of Fetch responses, empty answers and long polls
 */
public record BrokerContext(int nodeId, String host, IntSupplier port, String clusterId, boolean autoCreateTopics,
                            int defaultPartitions, Map<String, String> brokerConfigs, LogManager logs,
                            ProducerIdManager producerIds, FetchPurgatory fetches,
                            FetchCounters fetchCounters) {

    /** The topic with {@code id}, if any. Linear in the number of topics, which is small here. */
    public Optional<TopicInfo> topicById(final UUID id) {
        for (final TopicInfo topic : logs.topics()) {
            if (topic.topicId().equals(id)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
