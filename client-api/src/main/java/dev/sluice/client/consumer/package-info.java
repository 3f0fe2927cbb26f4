/** The consumer API: {@link dev.sluice.client.consumer.Consumer}, fetched records, offsets, rebalance callbacks and configuration. */
package dev.sluice.client.consumer;
