/** JMH benchmarks, with kafka-clients side by side. */
package dev.sluice.benchmarks;
