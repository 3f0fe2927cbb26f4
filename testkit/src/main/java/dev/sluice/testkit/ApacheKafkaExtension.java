package dev.sluice.testkit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JUnit 5 extension behind {@link WithApacheKafka}: resolves parameters of type
 * {@link ApacheKafkaBroker} to a running broker.
 *
 * <p><b>One broker per JVM per configuration</b>, not one per test class: a start costs several
 * seconds on the two-core build machine (see {@link ApacheKafkaBroker}), more than most test
 * classes take, and a Kafka broker is built to serve many independent clients. The broker lives
 * in the root extension context's store, so it is closed when the test run ends (and the shutdown
 * hook covers a JVM that dies). In return tests must not depend on a pristine broker: use unique
 * topic and group names, and never stop, kill or close the injected broker; a test that needs to
 * crash a broker builds its own with {@link ApacheKafkaBroker#builder()}. Should a test stop it
 * anyway, the next class that asks for it gets it restarted.
 *
 * <p>The broker is started lazily, on the first parameter that needs it.
 */
public final class ApacheKafkaExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApacheKafkaExtension.class);

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ApacheKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext) {
        final Map<String, String> config = configOf(extensionContext);
        final ExtensionContext.Store store = extensionContext.getRoot().getStore(NAMESPACE);
        final SharedBroker shared = store.getOrComputeIfAbsent("broker" + config, key -> SharedBroker.start(config),
                SharedBroker.class);
        return shared.running();
    }

    private static Map<String, String> configOf(final ExtensionContext context) {
        final Map<String, String> config = new TreeMap<>();
        final Optional<WithApacheKafka> annotation = context.getTestClass().flatMap(ApacheKafkaExtension::findAnnotation);
        annotation.ifPresent(a -> {
            for (final String entry : a.config()) {
                final int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new ExtensionConfigurationException("@WithApacheKafka config entry '" + entry
                            + "' is not of the form key=value");
                }
                config.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        });
        return config;
    }

    /** The annotation on the class, a superclass, a meta-annotation or an enclosing class (for {@code @Nested}). */
    private static Optional<WithApacheKafka> findAnnotation(final Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            final Optional<WithApacheKafka> found = AnnotationSupport.findAnnotation(c, WithApacheKafka.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Closes the broker when JUnit closes the root store, i.e. at the end of the test run. */
    @SuppressWarnings("deprecation") // CloseableResource is the store's contract in JUnit 5.11
    private static final class SharedBroker implements ExtensionContext.Store.CloseableResource {
        private final ApacheKafkaBroker broker;

        private SharedBroker(final ApacheKafkaBroker broker) {
            this.broker = broker;
        }

        static SharedBroker start(final Map<String, String> config) {
            try {
                return new SharedBroker(ApacheKafkaBroker.builder().config(config).start());
            } catch (final IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@WithApacheKafka: " + e.getMessage(), e);
            }
        }

        ApacheKafkaBroker running() {
            synchronized (broker) {
                if (!broker.isRunning()) {
                    broker.start();
                }
            }
            return broker;
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
