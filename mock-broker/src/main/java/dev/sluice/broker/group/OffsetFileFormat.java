package dev.sluice.broker.group;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes the frames of the committed-offsets file. A commit frame holds all partitions
 * of one commit of one group, so a commit is recovered whole or not at all; a topic-deleted frame
 * drops every group's offsets of one topic. Big-endian:
 *
 * <pre>
 * frame   := length:int32 (bytes after the crc) crc:int32 (CRC32C of the payload) payload
 * payload := 0:int8 groupId:str16 count:int32 entry*       (commit)
 *          | 1:int8 topic:str16                             (topic deleted)
 * entry   := topic:str16 partition:int32 offset:int64 leaderEpoch:int32 metadata:nstr16 commitTimestamp:int64
 * str16   := length:int16 utf8 bytes       nstr16 := str16, length -1 for null
 * </pre>
 */
final class OffsetFileFormat {

    static final int LENGTH_OFFSET = 0;
    static final int LENGTH_LENGTH = 4;
    static final int CRC_OFFSET = LENGTH_OFFSET + LENGTH_LENGTH;
    static final int CRC_LENGTH = 4;
    static final int PAYLOAD_OFFSET = CRC_OFFSET + CRC_LENGTH;
    static final int HEADER_LENGTH = PAYLOAD_OFFSET;

    static final byte COMMIT = 0;
    static final byte TOPIC_DELETED = 1;
    /** Fixed part of an entry: partition, offset, leader epoch, commit timestamp. */
    private static final int ENTRY_FIXED_LENGTH = 4 + 8 + 4 + 8;
    /** The smallest payload: a topic-deleted frame with an empty name. */
    static final int MIN_PAYLOAD_LENGTH = 1 + 2;
    /** A sanity bound against a hostile or torn length prefix: no real commit comes near 64 MiB. */
    static final int MAX_PAYLOAD_LENGTH = 64 * 1024 * 1024;

    private OffsetFileFormat() {
    }

    /** A decoded payload. */
    sealed interface Frame permits Commit, TopicDeleted {
    }

    /** One group's committed offsets, in file order. */
    record Commit(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets) implements Frame {
    }

    /** Every group's offsets of {@code topic} are gone. */
    record TopicDeleted(String topic) implements Frame {
    }

    /** @return a whole topic-deleted frame, header included, positioned at 0 */
    static ByteBuffer encodeTopicDeleted(final String topic) {
        final byte[] name = utf8(topic);
        final int payloadLength = 1 + 2 + name.length;
        final ByteBuffer frame = ByteBuffer.allocate(HEADER_LENGTH + payloadLength).order(ByteOrder.BIG_ENDIAN);
        frame.position(PAYLOAD_OFFSET);
        frame.put(TOPIC_DELETED);
        putString(frame, name);
        frame.putInt(LENGTH_OFFSET, payloadLength);
        frame.putInt(CRC_OFFSET, crc(frame, PAYLOAD_OFFSET, payloadLength));
        frame.position(0);
        return frame;
    }

    /** @return a whole frame, header included, positioned at 0 */
    static ByteBuffer encode(final String groupId, final Map<TopicPartition, OffsetAndMetadata> offsets) {
        final byte[] group = utf8(groupId);
        int payloadLength = 1 + 2 + group.length + 4;
        for (final Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            payloadLength += 2 + utf8(e.getKey().topic()).length + ENTRY_FIXED_LENGTH + 2;
            final String metadata = e.getValue().metadata();
            payloadLength += metadata == null ? 0 : utf8(metadata).length;
        }
        final ByteBuffer frame = ByteBuffer.allocate(HEADER_LENGTH + payloadLength).order(ByteOrder.BIG_ENDIAN);
        frame.position(PAYLOAD_OFFSET);
        frame.put(COMMIT);
        putString(frame, group);
        frame.putInt(offsets.size());
        for (final Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            final OffsetAndMetadata value = e.getValue();
            putString(frame, utf8(e.getKey().topic()));
            frame.putInt(e.getKey().partition());
            frame.putLong(value.offset());
            frame.putInt(value.leaderEpoch());
            if (value.metadata() == null) {
                frame.putShort((short) -1);
            } else {
                putString(frame, utf8(value.metadata()));
            }
            frame.putLong(value.commitTimestampMs());
        }
        frame.putInt(LENGTH_OFFSET, payloadLength);
        frame.putInt(CRC_OFFSET, crc(frame, PAYLOAD_OFFSET, payloadLength));
        frame.position(0);
        return frame;
    }

    static int crc(final ByteBuffer buffer, final int offset, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(buffer.slice(offset, length));
        return (int) crc.getValue();
    }

    /**
     * Decodes a payload whose CRC has been checked.
     *
     * @throws CorruptOffsetFileException naming the field that does not fit
     */
    static Frame decode(final ByteBuffer payload) throws CorruptOffsetFileException {
        require(payload, 1, "kind");
        final byte kind = payload.get();
        if (kind == TOPIC_DELETED) {
            final String topic = readString(payload, "topic", false);
            if (payload.hasRemaining()) {
                throw new CorruptOffsetFileException("topic-deleted frame has " + payload.remaining() + " trailing bytes");
            }
            return new TopicDeleted(topic);
        }
        if (kind != COMMIT) {
            throw new CorruptOffsetFileException("unknown offsets frame kind " + kind);
        }
        final String groupId = readString(payload, "groupId", false);
        require(payload, 4, "count");
        final int count = payload.getInt();
        // Each entry takes at least its fixed part plus two empty-string length prefixes.
        if (count < 0 || (long) count * (ENTRY_FIXED_LENGTH + 4) > payload.remaining()) {
            throw new CorruptOffsetFileException("offsets frame count " + count + " does not fit in "
                    + payload.remaining() + " remaining bytes");
        }
        final Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            final String topic = readString(payload, "topic", false);
            require(payload, 4 + 8 + 4, "partition/offset/leaderEpoch");
            final int partition = payload.getInt();
            final long offset = payload.getLong();
            final int leaderEpoch = payload.getInt();
            final String metadata = readString(payload, "metadata", true);
            require(payload, 8, "commitTimestamp");
            final long timestamp = payload.getLong();
            offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset, leaderEpoch, metadata, timestamp));
        }
        if (payload.hasRemaining()) {
            throw new CorruptOffsetFileException("offsets frame has " + payload.remaining() + " trailing bytes");
        }
        return new Commit(groupId, offsets);
    }

    private static void require(final ByteBuffer buffer, final int bytes, final String field) throws CorruptOffsetFileException {
        if (buffer.remaining() < bytes) {
            throw new CorruptOffsetFileException("offsets frame truncated in field " + field + ": need " + bytes
                    + " bytes, " + buffer.remaining() + " remain");
        }
    }

    private static String readString(final ByteBuffer buffer, final String field, final boolean nullable)
            throws CorruptOffsetFileException {
        require(buffer, 2, field + " length");
        final short length = buffer.getShort();
        if (length == -1 && nullable) {
            return null;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new CorruptOffsetFileException("offsets frame field " + field + " has length " + length + " but "
                    + buffer.remaining() + " bytes remain");
        }
        final byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void putString(final ByteBuffer buffer, final byte[] utf8) {
        buffer.putShort((short) utf8.length);
        buffer.put(utf8);
    }

    private static byte[] utf8(final String s) {
        final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("string of " + bytes.length + " UTF-8 bytes exceeds the offsets file limit of "
                    + Short.MAX_VALUE);
        }
        return bytes;
    }
}
