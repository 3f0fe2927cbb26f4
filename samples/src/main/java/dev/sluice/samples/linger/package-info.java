/** The same load at several {@code linger.ms} and {@code batch.size} values: throughput against latency. */
package dev.sluice.samples.linger;
