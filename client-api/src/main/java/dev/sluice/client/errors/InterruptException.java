package dev.sluice.client.errors;

/**
 * A blocking client call was interrupted. Unchecked counterpart of {@link InterruptedException};
 * creating it sets the calling thread's interrupt flag again so that the interruption is not lost.
 */
public class InterruptException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public InterruptException(final InterruptedException cause) {
        super(cause);
        Thread.currentThread().interrupt();
    }

    public InterruptException(final String message, final InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }

    public InterruptException(final String message) {
        super(message);
        Thread.currentThread().interrupt();
    }
}
