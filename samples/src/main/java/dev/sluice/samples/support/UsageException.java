package dev.sluice.samples.support;

/**
 * A command-line mistake: an unknown flag, a missing or malformed value. The message names the flag
 * or property and is meant to be printed as it is, on one line; the programs then exit with code 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(final String message) {
        super(message);
    }
}
