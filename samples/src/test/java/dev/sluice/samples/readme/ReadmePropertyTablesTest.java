package dev.sluice.samples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.client.config.ConfigDef;
import dev.sluice.client.config.ConfigKey;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.producer.ProducerConfig;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's property tables against the key definitions in client-api: every key the client
 * accepts has a row, no row names a key it does not accept, and each row's default is the code's.
 */
class ReadmePropertyTablesTest {
    static final String PRODUCER_HEADING = "### Producer properties";
    static final String CONSUMER_HEADING = "### Consumer properties";

    @Test
    void shouldListEveryProducerPropertyWithTheDefaultTheCodeApplies() throws IOException {
        assertTableMatches(PRODUCER_HEADING, ProducerConfig.configDef());
    }

    @Test
    void shouldListEveryConsumerPropertyWithTheDefaultTheCodeApplies() throws IOException {
        assertTableMatches(CONSUMER_HEADING, ConsumerConfig.configDef());
    }

    private static void assertTableMatches(final String heading, final ConfigDef definition) throws IOException {
        final Map<String, String> documented = new LinkedHashMap<>();
        for (final List<String> row : Readme.tableUnder(heading)) {
            assertEquals(3, row.size(), "name, default, what it does: " + row);
            assertTrue(row.get(0).startsWith("`") && row.get(0).endsWith("`"), "name in backticks: " + row);
            assertTrue(!row.get(2).isEmpty(), "says what it does: " + row);
            assertNull(documented.put(row.get(0).substring(1, row.get(0).length() - 1), row.get(1)),
                "listed once: " + row);
        }
        final Map<String, String> expected = new LinkedHashMap<>();
        definition.keys().values().forEach(key -> expected.put(key.name(), defaultCell(key)));

        assertEquals(expected, documented, heading + " in README.md: name -> default cell");
    }

    /** How a table shows a default: the value in backticks, or a note in italics when there is none. */
    private static String defaultCell(final ConfigKey key) {
        if (!key.hasDefault()) {
            return "*(required)*";
        }
        final Object value = key.defaultValue();
        final String text = value instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(value);
        return value == null ? "*(unset)*" : "`" + (text.isEmpty() ? "\"\"" : text) + "`";
    }
}
