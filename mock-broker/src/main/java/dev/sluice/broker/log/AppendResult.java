package dev.sluice.broker.log;

import dev.sluice.codec.protocol.Errors;

/**
 * Outcome of {@link PartitionLog#append}: the fields of one partition of a Produce response.
 *
 * @param error          {@link Errors#NONE} on success (a duplicate too), else the Kafka error
 * @param errorMessage   what was wrong, naming the field, or null on success
 * @param baseOffset     offset given to the first record appended (the original one for a duplicate), or -1
 * @param logAppendTime  broker time (ms) stamped on the batches when the topic uses LogAppendTime, else -1
 * @param logStartOffset the log start offset after the append
 * @param duplicate      true when the batch was a producer retry already in the log and nothing was appended
 */
public record AppendResult(Errors error, String errorMessage, long baseOffset, long logAppendTime,
                           long logStartOffset, boolean duplicate) {

    static AppendResult appended(final long baseOffset, final long logAppendTime, final long logStartOffset) {
        return new AppendResult(Errors.NONE, null, baseOffset, logAppendTime, logStartOffset, false);
    }

    static AppendResult duplicateOf(final long baseOffset, final long logAppendTime, final long logStartOffset) {
        return new AppendResult(Errors.NONE, null, baseOffset, logAppendTime, logStartOffset, true);
    }

    static AppendResult failed(final Errors error, final String errorMessage, final long logStartOffset) {
        return new AppendResult(error, errorMessage, -1L, -1L, logStartOffset, false);
    }

    /** The Kafka error code, as a Produce response carries it. */
    public short errorCode() {
        return error.code();
    }

    public boolean isSuccess() {
        return error == Errors.NONE;
    }
}
