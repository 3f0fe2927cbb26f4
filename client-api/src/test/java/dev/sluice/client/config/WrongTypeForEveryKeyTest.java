package dev.sluice.client.config;

import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every declared key, producer and consumer, rejects a value of the wrong type with a message naming it. */
class WrongTypeForEveryKeyTest {
    static Stream<Arguments> everyKey() {
        return Stream.concat(
            ProducerConfig.configDef().keys().values().stream().map(k -> Arguments.of("producer", k)),
            ConsumerConfig.configDef().keys().values().stream().map(k -> Arguments.of("consumer", k)));
    }

    private static Object wrongValueFor(final ConfigDef.Type type) {
        switch (type) {
            case INT:
            case LONG:
            case DOUBLE:
                return "twelve";
            case BOOLEAN:
                return "perhaps";
            case LIST:
            case STRING:
            case CLASS:
                return 42;
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKey")
    void shouldRejectValueOfTheWrongTypeNamingTheKey(final String client, final ConfigKey key) {
        final Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        final Object wrong = wrongValueFor(key.type());
        props.put(key.name(), wrong);
        final ConfigException e = assertThrows(ConfigException.class,
            () -> {
                if (client.equals("producer")) {
                    new ProducerConfig(props);
                } else {
                    new ConsumerConfig(props);
                }
            });
        assertEquals(key.name(), e.configName());
        assertTrue(e.getMessage().startsWith("Invalid value " + wrong + " for configuration " + key.name() + ": expected "),
            e.getMessage());
    }
}
