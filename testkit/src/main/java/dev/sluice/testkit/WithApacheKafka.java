package dev.sluice.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test class a running {@link ApacheKafkaBroker}, injected into any constructor,
 * {@code @BeforeAll}, {@code @BeforeEach} or test method parameter of that type:
 *
 * <pre>{@code
 * @WithApacheKafka(config = "num.partitions=8")
 * class InteropTest {
 *     @Test
 *     void shouldProduce(ApacheKafkaBroker kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>Brokers are shared per JVM, one per distinct {@link #config()}; see
 * {@link ApacheKafkaExtension} for why and what that asks of tests.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ApacheKafkaExtension.class)
public @interface WithApacheKafka {
    /** Extra broker properties as {@code key=value}, passed to {@link ApacheKafkaBroker.Builder#config}. */
    String[] config() default {};
}
