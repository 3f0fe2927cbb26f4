package dev.sluice.client.errors;

/** The coordinator does not know this member id; the member must rejoin. Kafka error {@code UNKNOWN_MEMBER_ID} (25). */
public class UnknownMemberIdException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 25;
    public static final String ERROR_NAME = "UNKNOWN_MEMBER_ID";

    public UnknownMemberIdException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public UnknownMemberIdException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
