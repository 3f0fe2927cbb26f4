package dev.sluice.client.internal.network;

/**
 * A peer sent a frame whose size prefix cannot be right: negative, or larger than the receive cap.
 * The connection is closed; nothing of that size is allocated.
 */
public class InvalidReceiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidReceiveException(final String message) {
        super(message);
    }
}
