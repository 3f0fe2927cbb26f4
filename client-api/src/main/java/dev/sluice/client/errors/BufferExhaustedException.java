package dev.sluice.client.errors;

/**
 * The producer could not get memory for a record within {@code max.block.ms} because
 * {@code buffer.memory} is in use by records not yet sent. A kind of {@link TimeoutException}.
 */
public class BufferExhaustedException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    public BufferExhaustedException(final String message) {
        super(message);
    }
}
