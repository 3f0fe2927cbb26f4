package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where one message write goes: a heap buffer sized in advance, plus, when writing parts, the list that
 * collects encoded slices and records payloads in wire order. Single use, one thread.
 */
final class Encoder {
    private final ByteBuffer buffer;
    private final List<MessageParts.Part> parts;
    private int partStart;

    /** @param parts null to copy heap records inline into {@code buffer} */
    Encoder(final ByteBuffer buffer, final List<MessageParts.Part> parts, final int partStart) {
        this.buffer = buffer;
        this.parts = parts;
        this.partStart = partStart;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    /** Emits a records value right after its length prefix. */
    void payload(final RecordsPayload payload, final String path) {
        if (parts == null) {
            if (!(payload instanceof ByteBufferRecords heap)) {
                throw new IllegalArgumentException(path + ": " + payload
                    + " is not in the heap; write this message with writeParts");
            }
            buffer.put(heap.buffer());
            return;
        }
        flushEncoded();
        parts.add(new MessageParts.Payload(payload));
    }

    /** Closes the current run of encoded bytes as one part. */
    void flushEncoded() {
        final int position = buffer.position();
        if (position > partStart) {
            parts.add(new MessageParts.Encoded(buffer.slice(partStart, position - partStart)));
        }
        partStart = position;
    }
}
