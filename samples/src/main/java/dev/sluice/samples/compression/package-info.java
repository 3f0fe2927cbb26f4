/** The same JSON events through every codec and a few levels: compression ratio against throughput. */
package dev.sluice.samples.compression;
