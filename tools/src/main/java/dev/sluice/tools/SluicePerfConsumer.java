package dev.sluice.tools;

import dev.sluice.client.PartitionInfo;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link PerfConsumer} over the Sluice consumer. */
final class SluicePerfConsumer implements PerfConsumer {
    private final SluiceConsumer<byte[], byte[]> consumer;

    SluicePerfConsumer(final Map<String, Object> config) {
        this.consumer = new SluiceConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void start(final String topic, final String group, final Runnable onAssigned) {
        if (group != null) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
                    onAssigned.run();
                }
            });
        } else {
            final List<TopicPartition> all = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(topic)) {
                all.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(all);
            onAssigned.run();
        }
    }

    @Override
    public List<Polled> poll(final Duration timeout) {
        final List<Polled> out = new ArrayList<>();
        for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            out.add(new Polled(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value()));
        }
        return out;
    }

    @Override
    public void commit(final String topic, final Map<Integer, Long> nextOffsets) {
        final Map<TopicPartition, dev.sluice.client.consumer.OffsetAndMetadata> offsets = new LinkedHashMap<>();
        nextOffsets.forEach((p, next) -> offsets.put(new TopicPartition(topic, p), new dev.sluice.client.consumer.OffsetAndMetadata(next)));
        consumer.commitSync(offsets);
    }

    @Override
    public Map<String, Object> metrics() {
        final Map<String, Object> out = new LinkedHashMap<>();
        consumer.metrics().forEach((name, metric) -> out.put(name.group() + ":" + name.name(), metric.metricValue()));
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
