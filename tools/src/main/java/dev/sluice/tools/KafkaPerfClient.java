package dev.sluice.tools;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** {@link PerfClient} over kafka-clients' {@link KafkaProducer}, for side-by-side runs. */
final class KafkaPerfClient implements PerfClient {
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaPerfClient(final Properties props) {
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(final String topic, final byte[] value, final Completion completion) {
        producer.send(new ProducerRecord<>(topic, value), (metadata, error) -> completion.done(error));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public Map<String, Object> metrics() {
        final Map<String, Object> out = new TreeMap<>();
        producer.metrics().forEach((name, metric) -> out.put(name.group() + ":" + name.name(), metric.metricValue()));
        return out;
    }

    @Override
    public void close() {
        producer.close();
    }
}
