package dev.sluice.client.producer;

import dev.sluice.client.config.ConfigDef;
import dev.sluice.client.config.ConfigKey;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.serialization.ByteArraySerializer;
import dev.sluice.client.serialization.Serializer;
import dev.sluice.client.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerConfigTest {
    private static Map<String, Object> props(final Object... keyValues) {
        final Map<String, Object> map = new HashMap<>();
        map.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Stream<String> keysWithDefaults() {
        return ProducerConfig.configDef().keys().values().stream().filter(ConfigKey::hasDefault).map(ConfigKey::name);
    }

    @ParameterizedTest
    @MethodSource("keysWithDefaults")
    void shouldParseEveryKeyGivenItsOwnDefaultExplicitly(final String key) {
        final ConfigKey definition = ProducerConfig.configDef().key(key);
        final Object defaultValue = definition.defaultValue();
        final ProducerConfig config = new ProducerConfig(props(key, defaultValue == null ? null : toText(defaultValue)));
        assertEquals(defaultValue, config.parsed().value(key));
        assertTrue(config.isUserSet(key));
    }

    @SuppressWarnings("unchecked")
    private static String toText(final Object value) {
        if (value instanceof List) {
            return String.join(",", (List<String>) value);
        }
        if (value instanceof Class) {
            return ((Class<?>) value).getName();
        }
        return value.toString();
    }

    static Stream<Arguments> kafkaDefaults() {
        return Stream.of(
            Arguments.of(ProducerConfig.CLIENT_ID_CONFIG, ""),
            Arguments.of(ProducerConfig.ACKS_CONFIG, "all"),
            Arguments.of(ProducerConfig.LINGER_MS_CONFIG, 5L),
            Arguments.of(ProducerConfig.BATCH_SIZE_CONFIG, 16384),
            Arguments.of(ProducerConfig.BUFFER_MEMORY_CONFIG, 33554432L),
            Arguments.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60000L),
            Arguments.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
            Arguments.of(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG, -1),
            Arguments.of(ProducerConfig.COMPRESSION_LZ4_LEVEL_CONFIG, 9),
            Arguments.of(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 3),
            Arguments.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1048576),
            Arguments.of(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE),
            Arguments.of(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100L),
            Arguments.of(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000L),
            Arguments.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000),
            Arguments.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000),
            Arguments.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
            Arguments.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            Arguments.of(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG, false),
            Arguments.of(ProducerConfig.PARTITIONER_CLASS_CONFIG, null),
            Arguments.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, null),
            Arguments.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, null),
            Arguments.of(ProducerConfig.METADATA_MAX_AGE_CONFIG, 300000L),
            Arguments.of(ProducerConfig.SEND_BUFFER_CONFIG, 131072),
            Arguments.of(ProducerConfig.RECEIVE_BUFFER_CONFIG, 32768),
            Arguments.of(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50L),
            Arguments.of(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000L),
            Arguments.of(ProducerConfig.CONNECTIONS_MAX_IDLE_MS_CONFIG, 540000L),
            Arguments.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, null));
    }

    @ParameterizedTest
    @MethodSource("kafkaDefaults")
    void shouldDefaultLikeKafkaClients(final String key, final Object expected) {
        assertEquals(expected, new ProducerConfig(props()).parsed().value(key));
    }

    @Test
    void shouldDefineEveryKeyItDocumentsADefaultFor() {
        assertEquals(kafkaDefaults().count() + 1, ProducerConfig.configDef().keys().size(),
            "every key except bootstrap.servers has its default pinned in kafkaDefaults()");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "linger.ms|-1|must be at least 0",
        "batch.size|-1|must be at least 0",
        "buffer.memory|-5|must be at least 0",
        "max.block.ms|-1|must be at least 0",
        "acks|2|must be one of all, -1, 0, 1 (case does not matter)",
        "compression.type|brotli|must be one of none, gzip, snappy, lz4, zstd (case does not matter)",
        "compression.gzip.level|0|must be between 1 and 9 inclusive, or must be -1",
        "compression.gzip.level|10|must be between 1 and 9 inclusive, or must be -1",
        "compression.lz4.level|18|must be between 1 and 17 inclusive",
        "compression.lz4.level|0|must be between 1 and 17 inclusive",
        "compression.zstd.level|23|must be between -131072 and 22 inclusive",
        "compression.zstd.level|-131073|must be between -131072 and 22 inclusive",
        "max.request.size|-1|must be at least 0",
        "retries|-1|must be between 0 and 2147483647 inclusive",
        "retry.backoff.ms|-1|must be at least 0",
        "retry.backoff.max.ms|-1|must be at least 0",
        "request.timeout.ms|-1|must be at least 0",
        "delivery.timeout.ms|-1|must be at least 0",
        "max.in.flight.requests.per.connection|0|must be at least 1",
        "metadata.max.age.ms|-1|must be at least 0",
        "send.buffer.bytes|-2|must be at least -1",
        "receive.buffer.bytes|-2|must be at least -1",
        "reconnect.backoff.ms|-1|must be at least 0",
        "reconnect.backoff.max.ms|-1|must be at least 0",
        "transactional.id|'  '|must be unset or a non-empty string",
        "bootstrap.servers|localhost|must be a non-empty list of host:port entries with ports from 0 to 65535",
        "enable.idempotence|sometimes|expected true or false",
        "partitioner.ignore.keys|1|expected true or false",
        "linger.ms|soon|expected a 64-bit integer",
        "batch.size|16k|expected a 32-bit integer",
        "key.serializer|com.example.Missing|class not found on the classpath",
        "partitioner.class|java.lang.String|must be a class implementing dev.sluice.client.producer.Partitioner",
    })
    void shouldRejectBadValueNamingKeyValueAndWhatIsAllowed(final String key, final String value, final String allowed) {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ProducerConfig(props(key, value)));
        assertEquals("Invalid value " + value + " for configuration " + key + ": " + allowed, e.getMessage());
        assertEquals(key, e.configName());
    }

    @Test
    void shouldAcceptStringsAndTypedValuesAlike() {
        final ProducerConfig fromStrings = new ProducerConfig(props("linger.ms", "20", "batch.size", "65536",
            "enable.idempotence", "false", "acks", "1"));
        final ProducerConfig fromTyped = new ProducerConfig(props("linger.ms", 20, "batch.size", 65536L,
            "enable.idempotence", false, "acks", "1"));
        assertEquals(fromStrings.parsed().values(), fromTyped.parsed().values());
        assertEquals(20L, fromTyped.longValue(ProducerConfig.LINGER_MS_CONFIG));
    }

    @Test
    void shouldLoadFromProperties() {
        final Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", "a:1,b:2");
        properties.setProperty("compression.type", "ZSTD");
        properties.setProperty("compression.zstd.level", "-5");
        final ProducerConfig config = new ProducerConfig(properties);
        assertEquals(CompressionType.ZSTD, config.compressionType());
        assertEquals(-5, config.compressionLevel());
        assertEquals(2, config.bootstrapServers().size());
        assertEquals("b", config.bootstrapServers().get(1).host());
    }

    @Test
    void shouldCollectUnknownKeysButNotSerializerOptions() {
        final ProducerConfig config = new ProducerConfig(props("linger.msec", "5", "key.serializer.encoding", "UTF-16",
            "interceptor.classes", ""));
        assertEquals(List.of("interceptor.classes", "linger.msec"), config.unknownKeys().stream().sorted().toList());
    }

    @Test
    void shouldMapAcksToTheRequestField() {
        assertEquals(-1, new ProducerConfig(props()).acks());
        assertEquals(-1, new ProducerConfig(props("acks", "ALL")).acks());
        assertEquals(-1, new ProducerConfig(props("acks", "-1")).acks());
        assertEquals(1, new ProducerConfig(props("acks", "1", "enable.idempotence", "false")).acks());
        assertEquals(0, new ProducerConfig(props("acks", 0 + "", "enable.idempotence", "false")).acks());
    }

    // ---- idempotence rules ----

    @Test
    void shouldEnableIdempotenceByDefault() {
        assertTrue(new ProducerConfig(props()).idempotenceEnabled());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "acks|1|acks=1 (idempotence needs acks=all)",
        "acks|0|acks=0 (idempotence needs acks=all)",
        "retries|0|retries=0 (idempotence needs retries > 0)",
        "max.in.flight.requests.per.connection|6|max.in.flight.requests.per.connection=6 (idempotence needs at most 5)",
    })
    void shouldTurnIdempotenceOffQuietlyWhenUserDidNotAskForIt(final String key, final String value, final String ignored) {
        final ProducerConfig config = new ProducerConfig(props(key, value));
        assertFalse(config.idempotenceEnabled());
        assertFalse(config.booleanValue(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "acks|1|acks=1 (idempotence needs acks=all)",
        "acks|0|acks=0 (idempotence needs acks=all)",
        "retries|0|retries=0 (idempotence needs retries > 0)",
        "max.in.flight.requests.per.connection|6|max.in.flight.requests.per.connection=6 (idempotence needs at most 5)",
    })
    void shouldRejectConflictWhenUserAskedForIdempotence(final String key, final String value, final String conflict) {
        final ConfigException e = assertThrows(ConfigException.class,
            () -> new ProducerConfig(props(key, value, "enable.idempotence", "true")));
        assertEquals("enable.idempotence=true conflicts with " + conflict
            + "; change that key or set enable.idempotence=false", e.getMessage());
    }

    @Test
    void shouldKeepIdempotenceAtTheLimitOfFiveInFlight() {
        assertTrue(new ProducerConfig(props("max.in.flight.requests.per.connection", 5, "enable.idempotence", true))
            .idempotenceEnabled());
    }

    @Test
    void shouldRespectExplicitlyDisabledIdempotence() {
        assertFalse(new ProducerConfig(props("enable.idempotence", "false")).idempotenceEnabled());
    }

    @Test
    void shouldRequireIdempotenceForTransactionalId() {
        assertTrue(new ProducerConfig(props("transactional.id", "tx-1")).idempotenceEnabled());
        final ConfigException e = assertThrows(ConfigException.class,
            () -> new ProducerConfig(props("transactional.id", "tx-1", "acks", "1")));
        assertTrue(e.getMessage().startsWith("transactional.id is set, which needs idempotence"), e.getMessage());
    }

    // ---- delivery timeout rule ----

    @Test
    void shouldRejectExplicitDeliveryTimeoutBelowLingerPlusRequestTimeout() {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ProducerConfig(props(
            "delivery.timeout.ms", 30000, "linger.ms", 10, "request.timeout.ms", 30000)));
        assertEquals("Invalid value 30000 for configuration delivery.timeout.ms: must be at least "
            + "linger.ms + request.timeout.ms = 10 + 30000 = 30010", e.getMessage());
    }

    @Test
    void shouldAcceptDeliveryTimeoutEqualToLingerPlusRequestTimeout() {
        assertEquals(30010, new ProducerConfig(props("delivery.timeout.ms", 30010, "linger.ms", 10,
            "request.timeout.ms", 30000)).deliveryTimeoutMs());
    }

    @Test
    void shouldRaiseDefaultDeliveryTimeoutWhenOtherTimeoutsGrow() {
        final ProducerConfig config = new ProducerConfig(props("linger.ms", 1000, "request.timeout.ms", 200000));
        assertEquals(201000, config.deliveryTimeoutMs());
    }

    @Test
    void shouldCapRaisedDeliveryTimeoutAtIntMax() {
        final ProducerConfig config = new ProducerConfig(props("linger.ms", Long.MAX_VALUE / 2));
        assertEquals(Integer.MAX_VALUE, config.deliveryTimeoutMs());
    }

    // ---- plugins ----

    @ParameterizedTest
    @CsvSource({
        "org.apache.kafka.common.serialization.StringSerializer, dev.sluice.client.serialization.StringSerializer",
        "org.apache.kafka.common.serialization.ByteArraySerializer, dev.sluice.client.serialization.ByteArraySerializer",
        "org.apache.kafka.common.serialization.LongSerializer, dev.sluice.client.serialization.LongSerializer",
        "org.apache.kafka.common.serialization.UUIDSerializer, dev.sluice.client.serialization.UUIDSerializer",
        "dev.sluice.client.serialization.IntegerSerializer, dev.sluice.client.serialization.IntegerSerializer",
    })
    void shouldResolveKafkaSerializerClassNamesToOurs(final String given, final String expected) {
        final ProducerConfig config = new ProducerConfig(props("key.serializer", given, "value.serializer", given));
        assertEquals(expected, config.classValue(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG).getName());
        assertEquals(expected, config.newValueSerializer().getClass().getName());
    }

    @Test
    void shouldRejectDeserializerWhereSerializerIsExpected() {
        final ConfigException e = assertThrows(ConfigException.class, () -> new ProducerConfig(props(
            "value.serializer", "org.apache.kafka.common.serialization.StringDeserializer")));
        assertEquals("value.serializer", e.configName());
        assertTrue(e.getMessage().endsWith("must be a class implementing dev.sluice.client.serialization.Serializer"),
            e.getMessage());
    }

    @Test
    void shouldConfigureSerializerWithOriginalsAndRole() {
        final ProducerConfig config = new ProducerConfig(props("key.serializer", StringSerializer.class,
            "value.serializer", StringSerializer.class.getName(), "key.serializer.encoding", "UTF-16"));
        final Serializer<?> key = config.newKeySerializer();
        final Serializer<?> value = config.newValueSerializer();
        assertEquals(StandardCharsets.UTF_16, ((StringSerializer) key).charset());
        assertEquals(StandardCharsets.UTF_8, ((StringSerializer) value).charset());
    }

    @Test
    void shouldExplainMissingSerializer() {
        final ConfigException e = assertThrows(ConfigException.class,
            () -> new ProducerConfig(props("value.serializer", ByteArraySerializer.class)).newKeySerializer());
        assertTrue(e.getMessage().startsWith("Missing required configuration key.serializer"), e.getMessage());
    }

    /** Has no public no-argument constructor. */
    public static final class NeedsArgumentSerializer extends SerializerBase {
        public NeedsArgumentSerializer(final String unused) {
        }
    }

    /** A serializer whose constructor fails. */
    public static final class ExplodingSerializer extends SerializerBase {
        public ExplodingSerializer() {
            throw new IllegalStateException("boom");
        }
    }

    abstract static class SerializerBase implements Serializer<Object> {
        @Override
        public byte[] serialize(final String topic, final Object data) {
            return null;
        }
    }

    @Test
    void shouldNameKeyWhenSerializerCannotBeInstantiated() {
        final ConfigException noCtor = assertThrows(ConfigException.class, () -> new ProducerConfig(props(
            "key.serializer", NeedsArgumentSerializer.class)).newKeySerializer());
        assertEquals("Invalid value " + NeedsArgumentSerializer.class.getName()
            + " for configuration key.serializer: the class needs a public no-argument constructor", noCtor.getMessage());
        final ConfigException throwing = assertThrows(ConfigException.class, () -> new ProducerConfig(props(
            "key.serializer", ExplodingSerializer.class)).newKeySerializer());
        assertTrue(throwing.getMessage().contains("the constructor threw java.lang.IllegalStateException: boom"),
            throwing.getMessage());
    }

    /** Always partition 0; remembers its configuration. */
    public static final class FirstPartitioner implements Partitioner {
        Map<String, ?> configs;

        @Override
        public void configure(final Map<String, ?> configs) {
            this.configs = configs;
        }

        @Override
        public int partition(final String topic, final Object key, final byte[] keyBytes, final Object value,
                             final byte[] valueBytes, final List<dev.sluice.client.PartitionInfo> partitions) {
            return 0;
        }
    }

    @Test
    void shouldCreateAndConfigurePartitionerOnlyWhenConfigured() {
        assertNull(new ProducerConfig(props()).newPartitioner());
        final Partitioner partitioner = new ProducerConfig(props("partitioner.class", FirstPartitioner.class.getName(),
            "partitioner.sticky.option", "x")).newPartitioner();
        final FirstPartitioner first = assertInstanceOf(FirstPartitioner.class, partitioner);
        assertEquals("x", first.configs.get("partitioner.sticky.option"));
    }

    @Test
    void shouldReportKafkaPartitionerTuningKeysAsUnknown() {
        final ProducerConfig config = new ProducerConfig(props("partitioner.adaptive.partitioning.enable", "true",
            "partitioner.ignore.key", "true"));
        assertEquals(List.of("partitioner.adaptive.partitioning.enable", "partitioner.ignore.key"),
            config.unknownKeys().stream().sorted().toList());
    }

    @Test
    void shouldExposeFrozenDefinition() {
        final ConfigDef def = ProducerConfig.configDef();
        assertThrows(IllegalStateException.class, () -> def.define("x", ConfigDef.Type.INT, 1, ConfigDef.Importance.LOW, ""));
        assertTrue(def.keys().values().stream().allMatch(k -> k.documentation() != null && !k.documentation().isBlank()));
    }

    @Test
    void shouldReturnCompressionLevelOfChosenCodec() {
        assertEquals(0, new ProducerConfig(props()).compressionLevel());
        assertEquals(-1, new ProducerConfig(props("compression.type", "gzip")).compressionLevel());
        assertEquals(12, new ProducerConfig(props("compression.type", "lz4", "compression.lz4.level", 12)).compressionLevel());
        assertEquals(0, new ProducerConfig(props("compression.type", "snappy")).compressionLevel());
    }
}
