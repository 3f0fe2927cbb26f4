/** Command-line tools in Kafka's conventions. */
package dev.sluice.tools;
