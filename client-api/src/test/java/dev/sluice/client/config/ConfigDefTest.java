package dev.sluice.client.config;

import dev.sluice.client.config.ConfigDef.Importance;
import dev.sluice.client.config.ConfigDef.Type;
import dev.sluice.client.errors.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDefTest {
    private static ConfigDef definition() {
        return new ConfigDef()
            .define("servers", Type.LIST, ConfigDef.NO_DEFAULT, Validators.nonEmptyHostPortList(), Importance.HIGH, "servers")
            .define("count", Type.INT, 7, Validators.atLeast(0), Importance.HIGH, "an int")
            .define("size", Type.LONG, 100L, Validators.between(1, 1000), Importance.HIGH, "a long")
            .define("ratio", Type.DOUBLE, 0.5, Importance.LOW, "a double")
            .define("flag", Type.BOOLEAN, false, Importance.LOW, "a boolean")
            .define("name", Type.STRING, null, Importance.LOW, "nullable string")
            .define("mode", Type.STRING, "fast", Validators.oneOfIgnoreCase("fast", "slow"), Importance.LOW, "one of")
            .defineClass("plugin", null, Runnable.class, n -> n.equals("alias.Runner") ? Runner.class : null,
                Importance.LOW, "a class")
            .allowPrefix("plugin.");
    }

    /** A Runnable with a no-arg constructor, for class-typed keys. */
    public static final class Runner implements Runnable {
        @Override
        public void run() {
        }
    }

    private static Map<String, Object> props(final Object... keyValues) {
        final Map<String, Object> map = new HashMap<>();
        map.put("servers", "localhost:9092");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void shouldApplyDefaultsForKeysNotGiven() {
        final ParsedConfig config = definition().parse(props());
        assertEquals(7, config.intValue("count"));
        assertEquals(100L, config.longValue("size"));
        assertEquals(0.5, config.doubleValue("ratio"));
        assertFalse(config.booleanValue("flag"));
        assertNull(config.stringValue("name"));
        assertNull(config.classValue("plugin"));
        assertEquals(List.of("localhost:9092"), config.listValue("servers"));
        assertFalse(config.isUserSet("count"));
        assertTrue(config.isUserSet("servers"));
    }

    @Test
    void shouldAcceptNumericStringsAndTypedNumbersAlike() {
        for (final Object five : new Object[] {"5", " 5 ", 5, 5L, (short) 5}) {
            final ParsedConfig config = definition().parse(props("count", five, "size", five));
            assertEquals(5, config.intValue("count"), "int from " + five.getClass());
            assertEquals(5L, config.longValue("size"), "long from " + five.getClass());
        }
    }

    @Test
    void shouldRejectLongThatDoesNotFitAnInt() {
        final ConfigException e = assertThrows(ConfigException.class,
            () -> definition().parse(props("count", 1L + Integer.MAX_VALUE)));
        assertEquals("Invalid value 2147483648 for configuration count: expected a 32-bit integer", e.getMessage());
        assertEquals("count", e.configName());
        assertEquals(1L + Integer.MAX_VALUE, e.value());
    }

    @Test
    void shouldRejectNonNumericStringForNumber() {
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(props("size", "lots")));
        assertEquals("Invalid value lots for configuration size: expected a 64-bit integer", e.getMessage());
    }

    @Test
    void shouldNameKeyValueAndRangeWhenOutOfRange() {
        final ConfigException below = assertThrows(ConfigException.class, () -> definition().parse(props("count", -1)));
        assertEquals("Invalid value -1 for configuration count: must be at least 0", below.getMessage());
        final ConfigException above = assertThrows(ConfigException.class, () -> definition().parse(props("size", "1001")));
        assertEquals("Invalid value 1001 for configuration size: must be between 1 and 1000 inclusive", above.getMessage());
    }

    @Test
    void shouldParseBooleansInAnyCase() {
        assertTrue(definition().parse(props("flag", "TRUE")).booleanValue("flag"));
        assertTrue(definition().parse(props("flag", true)).booleanValue("flag"));
        assertFalse(definition().parse(props("flag", " false ")).booleanValue("flag"));
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(props("flag", "yes")));
        assertEquals("Invalid value yes for configuration flag: expected true or false", e.getMessage());
    }

    @Test
    void shouldSplitCommaSeparatedListsAndTrimEntries() {
        final ParsedConfig config = definition().parse(props("servers", " a:1 , b:2,[::1]:3"));
        assertEquals(List.of("a:1", "b:2", "[::1]:3"), config.listValue("servers"));
        assertEquals(List.of("a:1", "b:2"), definition().parse(props("servers", List.of("a:1", " b:2"))).listValue("servers"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:", "localhost:99999", "host:port", "::1:9092", "a:1,,b:2"})
    void shouldRejectBadBootstrapLists(final String servers) {
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(props("servers", servers)));
        assertEquals("Invalid value " + servers + " for configuration servers: must be a non-empty list of host:port "
            + "entries with ports from 0 to 65535", e.getMessage());
    }

    @Test
    void shouldFailOnMissingRequiredKey() {
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(Map.of()));
        assertEquals("Missing required configuration servers, which has no default value", e.getMessage());
    }

    @Test
    void shouldAcceptNullOnlyWhereNullIsTheDefault() {
        assertNull(definition().parse(props("name", null)).stringValue("name"));
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(props("count", null)));
        assertEquals("Invalid value null for configuration count: must not be null", e.getMessage());
    }

    @Test
    void shouldCollectUnknownKeysInsteadOfFailing() {
        final Map<String, Object> given = new java.util.LinkedHashMap<>(props());
        given.put("lingr.ms", "5");
        given.put("plugin.encoding", "UTF-16");
        given.put("something.else", 1);
        final ParsedConfig config = definition().parse(given);
        assertEquals(List.of("lingr.ms", "something.else"), List.copyOf(config.unknownKeys()));
        assertEquals("UTF-16", config.originals().get("plugin.encoding"));
    }

    @Test
    void shouldCompareOneOfIgnoringCaseButKeepValueAsGiven() {
        assertEquals("SLOW", definition().parse(props("mode", "SLOW")).stringValue("mode"));
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(props("mode", "medium")));
        assertEquals("Invalid value medium for configuration mode: must be one of fast, slow (case does not matter)",
            e.getMessage());
    }

    @Test
    void shouldResolveClassesByNameByAliasAndByClassObject() {
        assertSame(Runner.class, definition().parse(props("plugin", Runner.class.getName())).classValue("plugin"));
        assertSame(Runner.class, definition().parse(props("plugin", "alias.Runner")).classValue("plugin"));
        assertSame(Runner.class, definition().parse(props("plugin", Runner.class)).classValue("plugin"));
    }

    @Test
    void shouldRejectUnknownClassAndWrongSupertype() {
        final ConfigException missing = assertThrows(ConfigException.class,
            () -> definition().parse(props("plugin", "com.example.Nope")));
        assertEquals("Invalid value com.example.Nope for configuration plugin: class not found on the classpath",
            missing.getMessage());
        final ConfigException wrong = assertThrows(ConfigException.class,
            () -> definition().parse(props("plugin", String.class)));
        assertEquals("Invalid value class java.lang.String for configuration plugin: must be a class implementing "
            + "java.lang.Runnable", wrong.getMessage());
    }

    @Test
    void shouldParseFromProperties() {
        final Properties properties = new Properties();
        properties.setProperty("servers", "h:1");
        properties.setProperty("count", "9");
        assertEquals(9, definition().parse(properties).intValue("count"));
    }

    @Test
    void shouldRejectNonStringPropertyKey() {
        final Properties properties = new Properties();
        properties.put(42, "x");
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(properties));
        assertTrue(e.getMessage().contains("42"), e.getMessage());
    }

    @Test
    void shouldTreatTypedAccessorOfWrongTypeAsProgrammingError() {
        final ParsedConfig config = definition().parse(props());
        assertThrows(IllegalArgumentException.class, () -> config.intValue("size"));
        assertThrows(IllegalArgumentException.class, () -> config.intValue("not.defined"));
    }

    @Test
    void shouldValidateReplacementValuesInWith() {
        final ParsedConfig config = definition().parse(props());
        assertEquals(3, config.with("count", 3).intValue("count"));
        assertEquals(7, config.intValue("count"), "the original is unchanged");
        assertThrows(ConfigException.class, () -> config.with("count", -3));
    }

    @Test
    void shouldRefuseBadDefaultsAndDuplicateKeysAtDefinitionTime() {
        assertThrows(IllegalArgumentException.class,
            () -> new ConfigDef().define("x", Type.INT, -1, Validators.atLeast(0), Importance.LOW, "doc"));
        assertThrows(IllegalArgumentException.class,
            () -> new ConfigDef().define("x", Type.INT, 1, Importance.LOW, "doc").define("x", Type.INT, 1, Importance.LOW, "doc"));
    }

    @Test
    void shouldRefuseDefinitionsOnceFrozen() {
        final ConfigDef frozen = definition().freeze();
        final Callable<?> add = () -> frozen.define("late", Type.INT, 1, Importance.LOW, "doc");
        assertThrows(IllegalStateException.class, add::call);
    }
    @Test
    void shouldSeePropertiesDefaultsAndTypedValues() {
        final Properties defaults = new Properties();
        defaults.setProperty("servers", "h:1");
        defaults.setProperty("count", "3");
        final Properties properties = new Properties(defaults);
        properties.put("size", 500L);
        final ParsedConfig config = definition().parse(properties);
        assertEquals(3, config.intValue("count"));
        assertEquals(500L, config.longValue("size"));
        assertEquals(List.of("h:1"), config.listValue("servers"));
    }

    @Test
    void shouldRejectNullKey() {
        final Map<String, Object> given = props();
        given.put(null, "x");
        final ConfigException e = assertThrows(ConfigException.class, () -> definition().parse(given));
        assertEquals("Configuration keys must not be null", e.getMessage());
    }
}
