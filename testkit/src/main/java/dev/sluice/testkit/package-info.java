/**
 * Test support: a real Apache Kafka broker in a child JVM ({@link dev.sluice.testkit.ApacheKafkaBroker},
 * {@link dev.sluice.testkit.WithApacheKafka}), and runners for independent clients and load
 * generators to check Sluice against ({@link dev.sluice.testkit.Kcat},
 * {@link dev.sluice.testkit.KafkaTools}).
 *
 * <p>Nothing here exposes kafka-clients types; kafka-clients is used inside only to decide when a
 * broker is ready. Every child process is killed when its owner closes it, by a shutdown hook
 * otherwise, and broker children halt themselves when the parent JVM dies.
 */
package dev.sluice.testkit;
