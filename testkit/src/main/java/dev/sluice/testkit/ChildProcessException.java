package dev.sluice.testkit;

/** A child process testkit ran failed, timed out or could not be started. */
public class ChildProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChildProcessException(final String message) {
        super(message);
    }

    public ChildProcessException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
