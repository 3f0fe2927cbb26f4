/**
 * One schema class per message, named after Kafka's message ({@code ProduceRequestSchema}): static
 * {@link dev.sluice.codec.protocol.Field} handles for the top-level fields, {@code ROOT} and {@code SCHEMA}, and
 * a nested class per struct type holding that struct's field handles and {@code SCHEMA}. Field layouts are
 * transcribed from Apache Kafka 3.8.0's message definitions (see the parent package).
 */
package dev.sluice.codec.protocol.message;
