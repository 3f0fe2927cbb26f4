package dev.sluice.samples.support;

import dev.sluice.client.config.ConfigDef;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.producer.ProducerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client settings given on the command line as {@code key=value}, sent to the producer, the
 * consumer or both according to which of them defines the key (kafka-clients' names:
 * {@code linger.ms} goes to the producer, {@code fetch.min.bytes} to the consumer,
 * {@code client.id} to both). A key neither defines, or a value its key rejects, is a
 * {@link UsageException} naming it, before any broker or client starts. Immutable.
 */
public final class ClientProperties {
    /** Stands in for the real address while values are validated; never contacted. */
    private static final String PLACEHOLDER_BOOTSTRAP = "127.0.0.1:9092";

    private final Map<String, Object> producer;
    private final Map<String, Object> consumer;

    private ClientProperties(final Map<String, Object> producer, final Map<String, Object> consumer) {
        this.producer = Map.copyOf(producer);
        this.consumer = Map.copyOf(consumer);
    }

    /**
     * @param producerSettings producer settings from dedicated flags ({@code --linger-ms} ...), applied first
     * @param assignments      {@code key=value} strings from {@code --property}, applied after
     * @throws UsageException naming the assignment, key or value that is wrong
     */
    public static ClientProperties of(final Map<String, String> producerSettings, final List<String> assignments) {
        final ConfigDef producerDef = ProducerConfig.configDef();
        final ConfigDef consumerDef = ConsumerConfig.configDef();
        final Map<String, Object> producer = new LinkedHashMap<>(producerSettings);
        final Map<String, Object> consumer = new LinkedHashMap<>();
        for (final String assignment : assignments) {
            final int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--property needs key=value, not '" + assignment + "'");
            }
            final String key = assignment.substring(0, eq).trim();
            final String value = assignment.substring(eq + 1).trim();
            final boolean forProducer = producerDef.key(key) != null;
            final boolean forConsumer = consumerDef.key(key) != null;
            if (!forProducer && !forConsumer) {
                throw new UsageException("--property " + key + ": not a producer or consumer setting");
            }
            if (forProducer) {
                producer.put(key, value);
            }
            if (forConsumer) {
                consumer.put(key, value);
            }
        }
        validate(producerDef, producer);
        validate(consumerDef, consumer);
        return new ClientProperties(producer, consumer);
    }

    /**
     * Checks one producer setting given through a dedicated flag, so that the error names the flag.
     *
     * @throws UsageException e.g. "--compression-type: Invalid value zip for configuration compression.type: ..."
     */
    public static void checkProducerFlag(final String flag, final String key, final String value) {
        try {
            validate(ProducerConfig.configDef(), Map.<String, Object>of(key, value));
        } catch (final UsageException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }

    private static void validate(final ConfigDef def, final Map<String, Object> settings) {
        final Map<String, Object> withBootstrap = new LinkedHashMap<>(settings);
        withBootstrap.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PLACEHOLDER_BOOTSTRAP);
        try {
            def.parse(withBootstrap);
        } catch (final ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Settings the user gave for the producer (not the defaults); string values as typed. */
    public Map<String, Object> producer() {
        return producer;
    }

    /** The producer's value of {@code key} for this run: the user's, else the producer's default. */
    public String producerSetting(final String key) {
        final Object value = producer.containsKey(key) ? producer.get(key)
            : ProducerConfig.configDef().key(key).defaultValue();
        return String.valueOf(value);
    }

    /** Settings the user gave for the consumer. */
    public Map<String, Object> consumer() {
        return consumer;
    }
}
