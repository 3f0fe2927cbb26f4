package dev.sluice.codec.protocol;

/**
 * The value of a RECORDS field: a run of record batches that the codec frames (length prefix) but
 * never looks inside.
 *
 * <p>The codec ships one implementation, {@link ByteBufferRecords}. Other modules implement this for
 * records that are not in the heap, such as a slice of a log segment file; when a message holding such a
 * payload is written with {@link MessageSchema#writeParts}, the payload object itself appears in the
 * resulting {@link MessageParts} where its bytes belong, and the network layer transfers it however it
 * likes ({@code FileChannel.transferTo}). Implementations must report a size that does not change while
 * the message is being written.
 */
public interface RecordsPayload {
    /** Exact number of bytes this payload puts on the wire, at most {@link Integer#MAX_VALUE}. */
    long sizeInBytes();
}
