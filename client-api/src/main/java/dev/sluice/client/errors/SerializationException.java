package dev.sluice.client.errors;

/** A key or value could not be turned into bytes, or bytes back into a key or value. */
public class SerializationException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public SerializationException(final String message) {
        super(message);
    }

    public SerializationException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
