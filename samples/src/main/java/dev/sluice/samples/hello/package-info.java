/** The first sample to read: produce with a callback, consume in a group, commit ({@code bin/sample hello}). */
package dev.sluice.samples.hello;
