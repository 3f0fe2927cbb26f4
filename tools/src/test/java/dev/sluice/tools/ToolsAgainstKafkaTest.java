package dev.sluice.tools;

import dev.sluice.testkit.ApacheKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** producer-perf and console-producer against a real Apache Kafka broker. */
class ToolsAgainstKafkaTest {
    private static ApacheKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = ApacheKafkaBroker.builder().config("num.partitions", "2").start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest(name = "--client {0}")
    @ValueSource(strings = {"sluice", "kafka"})
    void shouldSendEveryRecordAndReportLatencyPercentiles(final String client) throws Exception {
        final String topic = "perf-" + client;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final ProducerPerf.Options options = ProducerPerf.parse(new String[] {
            "--topic", topic, "--num-records", "3000", "--record-size", "100", "--throughput", "-1",
            "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers(), "linger.ms=5",
            "--client", client, "--print-metrics"});
        final ProducerPerf.Result result = ProducerPerf.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8));
        assertEquals(3000, result.records());
        assertEquals(0, result.errors());
        final String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("3000 records sent"), out);
        assertTrue(out.contains("ms 99.9th."), out);
        final PerfSummary summary = PerfSummary.find(out).orElseThrow();
        assertEquals(3000, summary.records());
        assertTrue(summary.cpuUsPerRecord() > 0, out);
        assertTrue(out.contains("producer-metrics:record-send-rate"), "--print-metrics lists Kafka's metric names");
        assertEquals(3000, consume(topic, 3000).size());
    }

    @Test
    void shouldSendStdinLinesWithParsedKeys() throws Exception {
        final String topic = "console";
        final ConsoleProducer.Options options = ConsoleProducer.parse(new String[] {
            "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic,
            "--property", "parse.key=true", "--property", "key.separator=:",
            "--producer-property", "linger.ms=0"});
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final long failed = ConsoleProducer.run(options,
            new ByteArrayInputStream("alpha:one\nbeta:two:three\nno-separator\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, failed, "the line without a separator is reported");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 3"), err.toString(StandardCharsets.UTF_8));
        final List<ConsumerRecord<String, String>> records = consume(topic, 2);
        assertEquals(2, records.size());
        final Map<String, String> byKey = new java.util.HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r.value()));
        assertEquals(Map.of("alpha", "one", "beta", "two:three"), byKey);
    }

    private static List<ConsumerRecord<String, String>> consume(final String topic, final int expected) {
        final Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("enable.auto.commit", "false");
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
            new StringDeserializer())) {
            final List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }
}
