/** Test support: a real Apache Kafka broker in a child JVM. */
package dev.sluice.testkit;
