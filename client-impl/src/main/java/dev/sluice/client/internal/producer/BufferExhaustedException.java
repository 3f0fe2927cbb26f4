package dev.sluice.client.internal.producer;

/**
 * A producer could not get memory for a batch within {@code max.block.ms}: the records already
 * waiting in the accumulator fill {@code buffer.memory} and the sender has not freed enough in time.
 */
public class BufferExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BufferExhaustedException(final String message) {
        super(message);
    }
}
