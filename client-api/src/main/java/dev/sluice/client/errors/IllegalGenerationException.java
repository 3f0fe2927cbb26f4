package dev.sluice.client.errors;

/** The member's generation is older than the group's; it must rejoin. Kafka error {@code ILLEGAL_GENERATION} (22). */
public class IllegalGenerationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 22;
    public static final String ERROR_NAME = "ILLEGAL_GENERATION";

    public IllegalGenerationException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public IllegalGenerationException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
