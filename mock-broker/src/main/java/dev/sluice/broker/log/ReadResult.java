package dev.sluice.broker.log;

/**
 * Outcome of {@link PartitionLog#read}: one partition of a Fetch response.
 *
 * @param errorCode      a {@link LogErrors} code
 * @param records        whole batches starting with the one holding the fetch offset; empty on error or
 *                       at the log end. The receiver owns it and must {@link FileSlice#release()} it
 * @param highWatermark  last committed offset + 1; on a single node the log end offset
 * @param logStartOffset first offset still in the log
 * @param logEndOffset   offset the next appended record will get
 */
public record ReadResult(short errorCode, FileSlice records, long highWatermark, long logStartOffset,
                         long logEndOffset) {
}
