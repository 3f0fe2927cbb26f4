/**
 * Runnable samples for new users; {@code bin/sample NAME} runs each (without a name it lists them).
 * Every sample also runs in the module's tests, with small counts.
 */
package dev.sluice.samples;
