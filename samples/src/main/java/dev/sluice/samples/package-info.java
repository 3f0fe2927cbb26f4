/** Runnable samples for new users. */
package dev.sluice.samples;
