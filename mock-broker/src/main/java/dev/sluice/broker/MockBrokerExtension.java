package dev.sluice.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link MockBroker} per test class, in a fresh temporary data directory,
 * injected into any test, constructor or lifecycle method parameter of type {@link MockBroker}.
 *
 * <pre>{@code
 * @ExtendWith(MockBrokerExtension.class)
 * class MyTest {
 *     @Test
 *     void sends(MockBroker broker) { ... broker.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * For settings, register an instance instead:
 * {@code @RegisterExtension static MockBrokerExtension broker = new MockBrokerExtension().config("num.partitions", "8");}
 */
public final class MockBrokerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockBrokerExtension.class);
    private static final String KEY = "broker";

    private final Map<String, String> configs = new LinkedHashMap<>();

    /** Adds a broker setting (Kafka name) for the brokers this extension starts. */
    public MockBrokerExtension config(final String key, final String value) {
        configs.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        final Path dir = Files.createTempDirectory("sluice-broker-test-");
        final MockBroker.Builder builder = MockBroker.builder().port(0).dataDir(dir);
        configs.forEach(builder::config);
        final MockBroker broker = builder.build().start();
        context.getStore(NAMESPACE).put(KEY, new Holder(broker, dir));
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        final Holder holder = context.getStore(NAMESPACE).remove(KEY, Holder.class);
        if (holder != null) {
            holder.close();
        }
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == MockBroker.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        final Holder holder = context.getStore(NAMESPACE).get(KEY, Holder.class);
        if (holder == null) {
            throw new IllegalStateException("MockBrokerExtension starts its broker before all tests of a class; "
                    + "register it on the class, not on a method");
        }
        return holder.broker();
    }

    /** The broker and its directory, removed together. */
    private record Holder(MockBroker broker, Path dir) {
        void close() {
            broker.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (final IOException ignored) {
                // A leftover temp directory is harmless.
            }
        }
    }
}
