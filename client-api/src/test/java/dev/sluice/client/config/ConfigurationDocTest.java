package dev.sluice.client.config;

import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps docs/configuration.md in step with the key definitions: same keys, same defaults. */
class ConfigurationDocTest {
    private static List<String> section(final String heading) throws IOException {
        final Path doc = Path.of(System.getProperty("basedir", ".")).resolve("../docs/configuration.md");
        final List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (final String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## " + heading);
            } else if (inSection && line.startsWith("| `")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static String documentedDefault(final ConfigKey key) {
        if (!key.hasDefault()) {
            return "*(required)*";
        }
        final Object value = key.defaultValue();
        if (value == null) {
            return "*(unset)*";
        }
        if (value instanceof List) {
            return "`" + String.join(",", listOf(value)) + "`";
        }
        return value.toString().isEmpty() ? "`\"\"`" : "`" + value + "`";
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(final Object value) {
        return (List<String>) value;
    }

    private static void assertDocuments(final String heading, final ConfigDef definition) throws IOException {
        final List<String> rows = section(heading);
        assertEquals(definition.keys().size(), rows.size(), heading + " table has one row per key");
        for (final ConfigKey key : definition.keys().values()) {
            final String prefix = "| `" + key.name() + "` | " + documentedDefault(key) + " |";
            assertTrue(rows.stream().anyMatch(r -> r.startsWith(prefix)),
                heading + " table lacks a row starting " + prefix);
        }
    }

    @Test
    void shouldDocumentEveryProducerKeyWithItsDefault() throws IOException {
        assertDocuments("Producer", ProducerConfig.configDef());
    }

    @Test
    void shouldDocumentEveryConsumerKeyWithItsDefault() throws IOException {
        assertDocuments("Consumer", ConsumerConfig.configDef());
    }
}
