package dev.sluice.client.consumer;

import dev.sluice.client.config.ConfigKey;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.serialization.Deserializer;
import dev.sluice.client.serialization.IntegerDeserializer;
import dev.sluice.client.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerConfigTest {
    private static Map<String, Object> props(final Object... keyValues) {
        final Map<String, Object> map = new HashMap<>();
        map.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        map.put(ConsumerConfig.GROUP_ID_CONFIG, "g1");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Stream<String> keysWithDefaults() {
        return ConsumerConfig.configDef().keys().values().stream().filter(ConfigKey::hasDefault).map(ConfigKey::name);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("keysWithDefaults")
    void shouldParseEveryKeyGivenItsOwnDefaultExplicitly(final String key) {
        final Object defaultValue = ConsumerConfig.configDef().key(key).defaultValue();
        final Object text = defaultValue instanceof List ? String.join(",", (List<String>) defaultValue)
            : defaultValue == null ? null : defaultValue.toString();
        final Map<String, Object> given = props(key, text);
        final ConsumerConfig config = new ConsumerConfig(given);
        assertEquals(defaultValue, config.parsed().value(key));
    }

    static Stream<Arguments> kafkaDefaults() {
        return Stream.of(
            Arguments.of(ConsumerConfig.CLIENT_ID_CONFIG, ""),
            Arguments.of(ConsumerConfig.GROUP_ID_CONFIG, null),
            Arguments.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, null),
            Arguments.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
            Arguments.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true),
            Arguments.of(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, 5000),
            Arguments.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1),
            Arguments.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 52428800),
            Arguments.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500),
            Arguments.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1048576),
            Arguments.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
            Arguments.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300000),
            Arguments.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45000),
            Arguments.of(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000),
            Arguments.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of("range", "cooperative-sticky")),
            Arguments.of(ConsumerConfig.CHECK_CRCS_CONFIG, true),
            Arguments.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
            Arguments.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, null),
            Arguments.of(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, null),
            Arguments.of(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000),
            Arguments.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000),
            Arguments.of(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 300000L),
            Arguments.of(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, 100L),
            Arguments.of(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000L),
            Arguments.of(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50L),
            Arguments.of(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000L),
            Arguments.of(ConsumerConfig.SEND_BUFFER_CONFIG, 131072),
            Arguments.of(ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1),
            Arguments.of(ConsumerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, 540000L),
            Arguments.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
            Arguments.of(ConsumerConfig.CLIENT_RACK_CONFIG, ""),
            Arguments.of(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG, true));
    }

    @ParameterizedTest
    @MethodSource("kafkaDefaults")
    void shouldDefaultLikeKafkaClients(final String key, final Object expected) {
        final Map<String, Object> onlyServers = new HashMap<>();
        onlyServers.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1");
        assertEquals(expected, ConsumerConfig.configDef().parse(onlyServers).value(key));
    }

    @Test
    void shouldDefineEveryKeyItDocumentsADefaultFor() {
        assertEquals(kafkaDefaults().count() + 1, ConsumerConfig.configDef().keys().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auto.offset.reset|smallest|must be one of latest, earliest, none (case does not matter)",
        "isolation.level|serializable|must be one of read_uncommitted, read_committed (case does not matter)",
        "auto.commit.interval.ms|-1|must be at least 0",
        "fetch.min.bytes|-1|must be at least 0",
        "fetch.max.bytes|-1|must be at least 0",
        "fetch.max.wait.ms|-1|must be at least 0",
        "max.partition.fetch.bytes|-1|must be at least 0",
        "max.poll.records|0|must be at least 1",
        "max.poll.interval.ms|0|must be at least 1",
        "request.timeout.ms|-1|must be at least 0",
        "default.api.timeout.ms|-1|must be at least 0",
        "metadata.max.age.ms|-1|must be at least 0",
        "retry.backoff.ms|-1|must be at least 0",
        "reconnect.backoff.ms|-1|must be at least 0",
        "send.buffer.bytes|-2|must be at least -1",
        "receive.buffer.bytes|-2|must be at least -1",
        "group.instance.id|''|must be unset or a non-empty string",
        "check.crcs|on|expected true or false",
        "session.timeout.ms|45s|expected a 32-bit integer",
        "partition.assignment.strategy|sticky|must be a non-empty list of range, roundrobin, cooperative-sticky or the matching kafka-clients assignor class names",
        "partition.assignment.strategy|''|must be a non-empty list of range, roundrobin, cooperative-sticky or the matching kafka-clients assignor class names",
        "value.deserializer|org.apache.kafka.common.serialization.StringSerializer|must be a class implementing dev.sluice.client.serialization.Deserializer",
        "bootstrap.servers|a:1,b|must be a non-empty list of host:port entries with ports from 0 to 65535",
    })
    void shouldRejectBadValueNamingKeyValueAndWhatIsAllowed(final String key, final String value, final String allowed) {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ConsumerConfig(props(key, value)));
        assertEquals("Invalid value " + value + " for configuration " + key + ": " + allowed, e.getMessage());
        assertEquals(key, e.configName());
    }

    @Test
    void shouldMapKafkaAssignorClassNamesToStrategies() {
        final ConsumerConfig config = new ConsumerConfig(props("partition.assignment.strategy",
            "org.apache.kafka.clients.consumer.CooperativeStickyAssignor, org.apache.kafka.clients.consumer.RangeAssignor,"
                + "RoundRobin, range"));
        assertEquals(List.of(AssignmentStrategy.COOPERATIVE_STICKY, AssignmentStrategy.RANGE, AssignmentStrategy.ROUND_ROBIN),
            config.assignmentStrategies());
        assertEquals(List.of(AssignmentStrategy.RANGE, AssignmentStrategy.COOPERATIVE_STICKY),
            new ConsumerConfig(props()).assignmentStrategies());
    }

    @Test
    void shouldTellCooperativeFromEagerStrategies() {
        assertTrue(AssignmentStrategy.COOPERATIVE_STICKY.cooperative());
        assertFalse(AssignmentStrategy.RANGE.cooperative());
        assertNull(AssignmentStrategy.forConfigEntry("org.apache.kafka.clients.consumer.StickyAssignor"));
    }

    @Test
    void shouldExposeEnumsForStringKeys() {
        final ConsumerConfig config = new ConsumerConfig(props("auto.offset.reset", "EARLIEST",
            "isolation.level", "Read_Committed"));
        assertEquals(OffsetResetStrategy.EARLIEST, config.offsetResetStrategy());
        assertEquals(IsolationLevel.READ_COMMITTED, config.isolationLevel());
        assertEquals(1, config.isolationLevel().id());
    }

    @Test
    void shouldTurnAutoCommitOffWithoutGroupWhenNotAskedFor() {
        final Map<String, Object> given = props();
        given.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final ConsumerConfig config = new ConsumerConfig(given);
        assertFalse(config.autoCommitEnabled());
        assertNull(config.groupId());
    }

    @Test
    void shouldRejectExplicitAutoCommitWithoutGroup() {
        final Map<String, Object> given = props("enable.auto.commit", "true");
        given.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final ConfigException e = assertThrows(ConfigException.class, () -> new ConsumerConfig(given));
        assertEquals("enable.auto.commit=true needs group.id to be set; set group.id or enable.auto.commit=false",
            e.getMessage());
    }

    @Test
    void shouldKeepAutoCommitWithGroup() {
        assertTrue(new ConsumerConfig(props()).autoCommitEnabled());
        assertFalse(new ConsumerConfig(props("enable.auto.commit", false)).autoCommitEnabled());
    }

    @Test
    void shouldRejectHeartbeatNotBelowSessionTimeoutInAGroup() {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ConsumerConfig(props(
            "heartbeat.interval.ms", 10000, "session.timeout.ms", "10000")));
        assertEquals("Invalid value 10000 for configuration heartbeat.interval.ms: must be less than "
            + "session.timeout.ms (10000)", e.getMessage());
    }

    @Test
    void shouldResolveKafkaDeserializerNamesAndConfigureThem() {
        final ConsumerConfig config = new ConsumerConfig(props(
            "key.deserializer", "org.apache.kafka.common.serialization.IntegerDeserializer",
            "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
            "value.deserializer.encoding", "ISO-8859-1"));
        assertInstanceOf(IntegerDeserializer.class, config.newKeyDeserializer());
        final Deserializer<?> value = config.newValueDeserializer();
        assertEquals(StandardCharsets.ISO_8859_1, ((StringDeserializer) value).charset());
        assertTrue(config.unknownKeys().isEmpty(), "deserializer options are not unknown: " + config.unknownKeys());
    }

    @Test
    void shouldExplainMissingDeserializer() {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ConsumerConfig(props()).newValueDeserializer());
        assertTrue(e.getMessage().startsWith("Missing required configuration value.deserializer"), e.getMessage());
    }
}
