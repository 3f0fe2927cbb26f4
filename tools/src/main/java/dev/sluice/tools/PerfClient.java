package dev.sluice.tools;

import java.util.Map;
import java.util.Properties;

/**
 * The part of a producer the perf tool drives, so the same loop measures Sluice and kafka-clients.
 * Completions arrive on the client's I/O thread.
 */
interface PerfClient extends AutoCloseable {
    /** Told when a send completes; {@code error} is null on success. */
    interface Completion {
        void done(Exception error);
    }

    void send(String topic, byte[] value, Completion completion);

    void flush();

    /** Metric name (group:name) to value, for {@code --print-metrics}. */
    Map<String, Object> metrics();

    @Override
    void close();

    /** Creates the client named by {@code --client}. */
    static PerfClient create(final String kind, final Properties props) {
        switch (kind) {
            case "sluice":
                return new SluicePerfClient(props);
            case "kafka":
                return new KafkaPerfClient(props);
            default:
                throw new IllegalArgumentException("--client must be sluice or kafka, not " + kind);
        }
    }
}
