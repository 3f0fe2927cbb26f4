package dev.sluice.broker.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.broker.MockBroker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kafka-clients 3.x against the Sluice broker: the API version ranges it advertises must suit the
 * older client line too (issue #3). The test classpath carries kafka-clients 4.1, so the 3.x jar,
 * copied by maven-dependency-plugin into {@code target/kafka-clients-3}, runs {@link KafkaClients3RoundTrip}
 * in a child JVM with the 4.1 jar taken off its classpath. The test then checks, with 4.1's admin
 * client, that the records and the group's commits really are in the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaClients3InteropTest {
    private static final int RECORDS = 20_000;
    private static final long CHILD_TIMEOUT_SECONDS = 180;

    @TempDir
    Path dataDir;
    @TempDir
    Path outputDir;
    private MockBroker broker;

    @BeforeAll
    void startBroker() throws Exception {
        broker = MockBroker.builder().port(0).dataDir(dataDir).build().start();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void shouldRoundTripIdempotentCompressedRecordsThroughAGroupWithKafkaClients3(final String compression)
            throws Exception {
        final String topic = "clients3-" + compression;
        final String group = "clients3-group-" + compression;
        final String stdout = runRoundTrip(topic, group, compression);
        assertTrue(stdout.contains("client-version " + expectedVersion()), stdout);
        assertTrue(stdout.contains("round-trip-ok " + topic + " " + RECORDS), stdout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            final Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < KafkaClients3RoundTrip.PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            final Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            // Idempotence: no retried batch was stored twice.
            assertEquals(RECORDS, ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum());
            for (final Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                if (end.getValue().offset() > 0) {
                    assertEquals(end.getValue().offset(), committed.get(end.getKey()).offset(), end.getKey().toString());
                }
            }
        }
    }

    /** Runs the round trip in a child JVM on kafka-clients 3.x; returns its standard output. */
    private String runRoundTrip(final String topic, final String group, final String compression)
            throws IOException, InterruptedException {
        final List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", childClasspath(), KafkaClients3RoundTrip.class.getName(),
                broker.bootstrapServers(), topic, group, compression, Integer.toString(RECORDS));
        final Path out = outputDir.resolve(topic + ".out");
        final Path err = outputDir.resolve(topic + ".err");
        final Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("kafka-clients " + expectedVersion() + " round trip did not finish within "
                        + CHILD_TIMEOUT_SECONDS + " s" + tails(out, err));
            }
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), () -> "kafka-clients " + expectedVersion() + " round trip failed"
                + tails(out, err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** This JVM's classpath with every kafka-clients jar replaced by the 3.x one. */
    private static String childClasspath() {
        final Path jar = kafkaClients3Jar();
        final List<String> entries = new ArrayList<>();
        entries.add(jar.toString());
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            final String name = Path.of(entry).getFileName().toString();
            if (!(name.startsWith("kafka-clients-") && name.endsWith(".jar"))) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path kafkaClients3Jar() {
        final String configured = System.getProperty("sluice.kafka3.jar");
        if (configured == null) {
            fail("system property sluice.kafka3.jar is not set: run this test through Maven "
                    + "(mvn -pl mock-broker verify), whose maven-dependency-plugin copies kafka-clients 3.x");
        }
        final Path jar = Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            fail("kafka-clients 3.x jar missing at " + jar + ": maven-dependency-plugin (execution "
                    + "copy-kafka-clients-3 in mock-broker/pom.xml) should have copied it there");
        }
        return jar;
    }

    private static String expectedVersion() {
        return System.getProperty("sluice.kafka3.version", "3.");
    }

    private static String tails(final Path out, final Path err) {
        return System.lineSeparator() + "--- stdout ---" + System.lineSeparator() + tail(out)
                + System.lineSeparator() + "--- stderr ---" + System.lineSeparator() + tail(err);
    }

    private static String tail(final Path file) {
        try {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().skip(Math.max(0, lines.size() - 40)).collect(Collectors.joining(System.lineSeparator()));
        } catch (final IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
