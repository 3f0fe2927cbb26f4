/** Three consumers share six partitions and one leaves: the group rebalancing ({@code bin/sample rebalance}). */
package dev.sluice.samples.rebalance;
