package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kcat (librdkafka) as a balanced consumer ({@code -G}) against the embedded broker. Skipped when
 * kcat is not installed.
 */
class KcatGroupTest {

    @TempDir
    Path dataDir;

    private static boolean kcatInstalled() {
        try {
            final Process probe = new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void shouldConsumeEveryRecordAsAGroupMemberAndCommitOnExit() throws Exception {
        assumeTrue(kcatInstalled(), "kcat is not installed");
        try (MockBroker broker = MockBroker.builder().port(0).dataDir(dataDir.resolve("broker"))
                .config("num.partitions", "8").config("group.initial.rebalance.delay.ms", "0").build().start()) {
            final String topic = "kcat-group";
            ConsumerGroupInteropTest.createTopic(broker, topic);
            final Set<String> produced = ConsumerGroupInteropTest.produce(broker, topic, 300);

            final Path out = dataDir.resolve("kcat.out");
            final Process kcat = new ProcessBuilder("kcat", "-b", broker.bootstrapServers(), "-G", "kcat-readers",
                    "-X", "auto.offset.reset=earliest", "-e", "-q", "-f", "%s\\n", topic)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                assertTrue(kcat.waitFor(60, TimeUnit.SECONDS), "kcat did not reach the end of every partition");
                assertEquals(0, kcat.exitValue());
            } finally {
                kcat.destroyForcibly();
            }

            final Set<String> consumed = new HashSet<>(Files.readAllLines(out, StandardCharsets.UTF_8));
            consumed.remove("");
            assertEquals(produced, consumed);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                final Set<String> groups = new HashSet<>();
                for (final GroupListing listing : admin.listGroups().all().get(30, TimeUnit.SECONDS)) {
                    groups.add(listing.groupId());
                }
                assertTrue(groups.contains("kcat-readers"), groups.toString());
                final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kcat-readers")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long total = 0;
                for (final OffsetAndMetadata offset : committed.values()) {
                    total += offset.offset();
                }
                assertEquals(produced.size(), total, "kcat commits its final positions when it leaves: " + committed);
            }
        }
    }
}
