package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole message (a request or response body, a header, or a versioned data struct): its root
 * {@link StructSchema} plus the version facts that apply to all of it, the valid version range and the first
 * flexible version.
 *
 * <p>This is the entry point for encoding: {@link #read}, {@link #sizeOf}, {@link #write},
 * {@link #serialize} for the all-heap case and {@link #writeParts} for zero-copy records. None of these
 * frame the message (no size prefix, no header); see {@link Frames}. Immutable and thread-safe.
 */
public final class MessageSchema {
    /** {@link #firstFlexibleVersion()} of a message that is never flexible. */
    public static final short NEVER_FLEXIBLE = Short.MAX_VALUE;

    private final String name;
    private final short apiKey;
    private final short lowestVersion;
    private final short highestVersion;
    private final short firstFlexibleVersion;
    private final StructSchema root;

    /**
     * @param apiKey               the API key, or -1 for headers and data structs
     * @param firstFlexibleVersion {@link #NEVER_FLEXIBLE} when no version is flexible
     */
    public MessageSchema(final String name, final int apiKey, final int lowestVersion, final int highestVersion,
                         final int firstFlexibleVersion, final StructSchema root) {
        this.name = name;
        this.apiKey = (short) apiKey;
        this.lowestVersion = (short) lowestVersion;
        this.highestVersion = (short) highestVersion;
        this.firstFlexibleVersion = (short) firstFlexibleVersion;
        this.root = root;
    }

    public String name() {
        return name;
    }

    /** The API key, -1 for a header or data struct. */
    public short apiKey() {
        return apiKey;
    }

    public short lowestVersion() {
        return lowestVersion;
    }

    public short highestVersion() {
        return highestVersion;
    }

    public short firstFlexibleVersion() {
        return firstFlexibleVersion;
    }

    public StructSchema root() {
        return root;
    }

    public boolean isVersionSupported(final short version) {
        return version >= lowestVersion && version <= highestVersion;
    }

    /** Whether this version uses compact encodings and tagged fields. */
    public boolean isFlexible(final short version) {
        return version >= firstFlexibleVersion;
    }

    /** A new message with every field at its default, to be filled in. */
    public Struct newStruct() {
        return root.newStruct();
    }

    /**
     * Reads a message of {@code version} from {@code buffer}'s position, leaving the position after it. RECORDS
     * values are slices of {@code buffer}.
     *
     * @throws dev.sluice.codec.MalformedDataException when the bytes do not form such a message
     */
    public Struct read(final ByteBuffer buffer, final short version) {
        checkVersion(version);
        return root.read(buffer, version, isFlexible(version));
    }

    /** Exact bytes {@link #write} puts out for this message at this version. */
    public int sizeOf(final Struct message, final short version) {
        checkMessage(message, version);
        final long size = root.sizeOf(message, version, isFlexible(version), new Sizer());
        if (size > Integer.MAX_VALUE - Frames.SIZE_PREFIX_BYTES) {
            throw new IllegalArgumentException(name + " of " + size + " bytes is too large for one frame");
        }
        return (int) size;
    }

    /**
     * Writes the message at {@code buffer}'s position, which must have {@link #sizeOf} bytes left. Every
     * records value must be a {@link ByteBufferRecords}; it is copied.
     */
    public void write(final Struct message, final short version, final ByteBuffer buffer) {
        checkMessage(message, version);
        root.write(message, new Encoder(buffer, null, buffer.position()), version, isFlexible(version));
    }

    /** The message in a new heap buffer, flipped and ready to read. */
    public ByteBuffer serialize(final Struct message, final short version) {
        final ByteBuffer buffer = ByteBuffer.allocate(sizeOf(message, version));
        write(message, version, buffer);
        return buffer.flip();
    }

    /**
     * The message as parts: encoded heap bytes, with every records value left as its own part, not copied.
     * {@code prefixBytes} bytes are reserved and zeroed at the start of the first part for the caller
     * (a frame size and header; see {@link Frames}).
     */
    MessageParts writeParts(final Struct message, final short version, final int prefixBytes,
                            final PrefixWriter prefix) {
        checkMessage(message, version);
        final Sizer sizer = new Sizer();
        final long total = root.sizeOf(message, version, isFlexible(version), sizer);
        if (prefixBytes + total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " of " + total + " bytes is too large for one frame");
        }
        final ByteBuffer heap = ByteBuffer.allocate((int) (prefixBytes + total - sizer.payloadBytes()));
        if (prefix != null) {
            prefix.write(heap, prefixBytes + total);
        }
        final List<MessageParts.Part> parts = new ArrayList<>();
        // The first part starts at 0 so the prefix rides along with the first encoded bytes.
        final Encoder encoder = new Encoder(heap, parts, 0);
        heap.position(prefixBytes);
        root.write(message, encoder, version, isFlexible(version));
        encoder.flushEncoded();
        return new MessageParts(parts);
    }

    /** The message as parts, records values not copied. */
    public MessageParts writeParts(final Struct message, final short version) {
        return writeParts(message, version, 0, null);
    }

    /** Writes a frame prefix (absolute puts from index 0) once the total frame size is known. */
    interface PrefixWriter {
        void write(ByteBuffer heap, long frameBytes);
    }

    private void checkVersion(final short version) {
        if (!isVersionSupported(version)) {
            throw new IllegalArgumentException(name + " has no version " + version + "; valid versions are "
                + lowestVersion + " to " + highestVersion);
        }
    }

    private void checkMessage(final Struct message, final short version) {
        checkVersion(version);
        if (message.schema() != root) {
            throw new IllegalArgumentException("expected a " + name + " but got a " + message.schema().name());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
