package dev.sluice.client.errors;

/** Root of every exception a Sluice client throws on purpose. Unchecked. */
public class SluiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SluiceException(final String message) {
        super(message);
    }

    public SluiceException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public SluiceException(final Throwable cause) {
        super(cause);
    }
}
