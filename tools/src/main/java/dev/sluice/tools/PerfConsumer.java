package dev.sluice.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The little the perf and console tools need from a consumer, so they can drive the Sluice consumer
 * and kafka-clients' KafkaConsumer side by side with the same code. Single-threaded, as the
 * consumers are.
 */
interface PerfConsumer extends AutoCloseable {
    /** What one poll returned, with key and value bytes for printing and byte counts. */
    record Polled(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    }

    /** Joins {@code group} (or assigns every partition when null); {@code onAssigned} runs at each assignment. */
    void start(String topic, String group, Runnable onAssigned);

    List<Polled> poll(Duration timeout);

    /** Commits {@code nextOffsets} (partition to next offset to read) of {@code topic} synchronously. */
    void commit(String topic, Map<Integer, Long> nextOffsets);

    /** Metrics by name (group ignored), for --print-metrics. */
    Map<String, Object> metrics();

    @Override
    void close();

    static PerfConsumer create(final String client, final Map<String, Object> config) {
        return switch (client) {
            case "sluice" -> new SluicePerfConsumer(config);
            case "kafka" -> new KafkaPerfConsumer(config);
            default -> throw new IllegalArgumentException("--client must be sluice or kafka, not " + client);
        };
    }
}
