/** {@code bin/quickstart}: produce, consume and verify a million events, then show what batching did. */
package dev.sluice.samples.quickstart;
