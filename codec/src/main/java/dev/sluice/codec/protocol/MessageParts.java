package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A message encoded as an ordered list of parts to send back to back: {@link Encoded} heap bytes for
 * everything the codec wrote (headers, fields, length prefixes) and {@link Payload} entries for each RECORDS
 * value, in the place its bytes belong, right after its length prefix.
 *
 * <p>This lets a broker answer a Fetch with header bytes, then {@code FileChannel.transferTo} of segment
 * slices, then more header bytes, without copying records through the heap. The parts are owned by the
 * caller once returned; the encoded buffers are not shared with anything else.
 */
public final class MessageParts implements Iterable<MessageParts.Part> {
    /** One part of an encoded message. */
    public sealed interface Part permits Encoded, Payload {
        /** Bytes this part puts on the wire. */
        long sizeInBytes();
    }

    /** Bytes the codec encoded, between the buffer's position and limit. */
    public record Encoded(ByteBuffer bytes) implements Part {
        @Override
        public long sizeInBytes() {
            return bytes.remaining();
        }
    }

    /** A records value, to be sent as is. */
    public record Payload(RecordsPayload records) implements Part {
        @Override
        public long sizeInBytes() {
            return records.sizeInBytes();
        }
    }

    private final List<Part> parts;
    private final long sizeInBytes;

    MessageParts(final List<Part> parts) {
        this.parts = Collections.unmodifiableList(parts);
        long total = 0;
        for (final Part part : parts) {
            total += part.sizeInBytes();
        }
        this.sizeInBytes = total;
    }

    /** The parts in wire order. */
    public List<Part> parts() {
        return parts;
    }

    /** Total bytes of all parts. */
    public long sizeInBytes() {
        return sizeInBytes;
    }

    /**
     * Copies every part into one new heap buffer (flipped, ready to read). Only possible when every payload
     * is a {@link ByteBufferRecords}; meant for tests and small messages.
     */
    public ByteBuffer toByteBuffer() {
        final ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(sizeInBytes));
        for (final Part part : parts) {
            if (part instanceof Encoded encoded) {
                out.put(encoded.bytes().duplicate());
            } else if (((Payload) part).records() instanceof ByteBufferRecords heap) {
                out.put(heap.buffer());
            } else {
                throw new IllegalStateException("payload " + ((Payload) part).records() + " is not in the heap");
            }
        }
        return out.flip();
    }

    @Override
    public Iterator<Part> iterator() {
        return parts.iterator();
    }
}
