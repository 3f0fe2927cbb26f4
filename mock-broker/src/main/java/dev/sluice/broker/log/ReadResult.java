package dev.sluice.broker.log;

import dev.sluice.codec.protocol.Errors;

/**
 * Outcome of {@link PartitionLog#read}: one partition of a Fetch response.
 *
 * @param error          {@link Errors#NONE}, or why nothing could be read
 * @param records        whole batches starting with the one holding the fetch offset; empty on error or
 *                       at the log end. The receiver owns it and must {@link FileSlice#release()} it
 * @param highWatermark  last committed offset + 1; on a single node the log end offset
 * @param logStartOffset first offset still in the log
 * @param logEndOffset   offset the next appended record will get
 */
public record ReadResult(Errors error, FileSlice records, long highWatermark, long logStartOffset,
                         long logEndOffset) {

    /** The Kafka error code, as a Fetch response carries it. */
    public short errorCode() {
        return error.code();
    }
}
