package dev.sluice.tools;

import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.ByteArraySerializer;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** {@link PerfClient} over {@link SluiceProducer}. */
final class SluicePerfClient implements PerfClient {
    private final SluiceProducer<byte[], byte[]> producer;

    SluicePerfClient(final Properties props) {
        this.producer = new SluiceProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
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
