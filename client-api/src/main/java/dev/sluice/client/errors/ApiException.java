package dev.sluice.client.errors;

/**
 * An error a broker reported in a response, with the Kafka protocol error code and its name
 * (for example {@code 3} / {@code UNKNOWN_TOPIC_OR_PARTITION}). Codes are those of Kafka's protocol
 * and are never renumbered. A client-side condition that has no code of its own uses
 * {@link #UNKNOWN_SERVER_ERROR_CODE}.
 */
public class ApiException extends SluiceException {
    private static final long serialVersionUID = 1L;

    /** Kafka's catch-all code, {@code UNKNOWN_SERVER_ERROR}. */
    public static final short UNKNOWN_SERVER_ERROR_CODE = -1;
    public static final String UNKNOWN_SERVER_ERROR_NAME = "UNKNOWN_SERVER_ERROR";

    private final short errorCode;
    private final String errorName;

    public ApiException(final short errorCode, final String errorName, final String message) {
        super(message);
        this.errorCode = errorCode;
        this.errorName = errorName;
    }

    public ApiException(final short errorCode, final String errorName, final String message, final Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.errorName = errorName;
    }

    /** An error with no more specific class, e.g. a code this client version does not know. */
    public ApiException(final String message) {
        this(UNKNOWN_SERVER_ERROR_CODE, UNKNOWN_SERVER_ERROR_NAME, message);
    }

    /** The Kafka protocol error code, {@code -1} when unknown. */
    public short errorCode() {
        return errorCode;
    }

    /** The Kafka protocol error name, e.g. {@code NOT_LEADER_OR_FOLLOWER}. */
    public String errorName() {
        return errorName;
    }
}
