/**
 * Serializers and deserializers for keys and values, the built-in ones for common Java types, and
 * {@link dev.sluice.client.serialization.Serdes}, which resolves class names in configuration
 * (including kafka-clients' names, so existing properties files keep working).
 */
package dev.sluice.client.serialization;
