/** The producer API: {@link dev.sluice.client.producer.Producer}, records, callbacks and configuration. */
package dev.sluice.client.producer;
