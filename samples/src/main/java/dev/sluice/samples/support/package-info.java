/**
 * What the load-driven samples share: a verified produce-then-consume run of {@link
 * dev.sluice.samples.support.ShopEvents} ({@link dev.sluice.samples.support.LoadRun}), an embedded
 * or external {@link dev.sluice.samples.support.Cluster}, flags, a progress line, a text table and an
 * SVG chart. Sample code reads the programs in the sibling packages first; this is the plumbing.
 */
package dev.sluice.samples.support;
