package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.protocol.message.ConsumerProtocolAssignmentSchema;
import dev.sluice.codec.protocol.message.ConsumerProtocolSubscriptionSchema;

import java.nio.ByteBuffer;

/**
 * The consumer group protocol's data structs, carried as opaque bytes in JoinGroup metadata and SyncGroup
 * assignments when the protocol type is {@code consumer}: {@code INT16 version} followed by the struct in that
 * version, never flexible.
 *
 * <p>A version newer than this codec knows is read as the highest version it knows, so that newer members can
 * add fields at the end without breaking older ones. Stateless.
 */
public final class ConsumerProtocol {
    /** A struct read from the group protocol, with the version found on the wire. */
    public record Versioned(short version, Struct data) {
    }

    private ConsumerProtocol() {
    }

    public static ByteBuffer serializeSubscription(final Struct subscription, final short version) {
        return serialize(ConsumerProtocolSubscriptionSchema.SCHEMA, subscription, version);
    }

    public static ByteBuffer serializeAssignment(final Struct assignment, final short version) {
        return serialize(ConsumerProtocolAssignmentSchema.SCHEMA, assignment, version);
    }

    /** Reads a version-prefixed ConsumerProtocolSubscription. */
    public static Versioned readSubscription(final ByteBuffer buffer) {
        return read(ConsumerProtocolSubscriptionSchema.SCHEMA, buffer);
    }

    /** Reads a version-prefixed ConsumerProtocolAssignment. */
    public static Versioned readAssignment(final ByteBuffer buffer) {
        return read(ConsumerProtocolAssignmentSchema.SCHEMA, buffer);
    }

    private static ByteBuffer serialize(final MessageSchema schema, final Struct data, final short version) {
        final ByteBuffer buffer = ByteBuffer.allocate(Short.BYTES + schema.sizeOf(data, version));
        buffer.putShort(version);
        schema.write(data, version, buffer);
        return buffer.flip();
    }

    private static Versioned read(final MessageSchema schema, final ByteBuffer buffer) {
        final String versionField = schema.name() + ".Version";
        final short version = WirePrimitives.readInt16(buffer, versionField);
        if (version < schema.lowestVersion()) {
            throw new MalformedDataException(versionField, "version " + version + " does not exist");
        }
        final short readAs = (short) Math.min(version, schema.highestVersion());
        return new Versioned(version, schema.read(buffer, readAs));
    }
}
