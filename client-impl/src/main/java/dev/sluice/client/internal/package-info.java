/** Producer and consumer internals; not part of the public API. */
package dev.sluice.client.internal;
