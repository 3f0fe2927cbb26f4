/** The public client surface: producer, consumer, records, serializers, configuration. */
package dev.sluice.client;
