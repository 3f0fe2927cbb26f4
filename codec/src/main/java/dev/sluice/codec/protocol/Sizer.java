package dev.sluice.codec.protocol;

/** Counts, during one size computation, how many of the bytes are records payloads rather than encoded. */
final class Sizer {
    private long payloadBytes;

    void addPayload(final long bytes) {
        payloadBytes += bytes;
    }

    long payloadBytes() {
        return payloadBytes;
    }
}
