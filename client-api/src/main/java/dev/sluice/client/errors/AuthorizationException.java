package dev.sluice.client.errors;

/** The broker's ACLs do not allow this operation. Subclasses say on what. */
public class AuthorizationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short CLUSTER_ERROR_CODE = 31;
    public static final String CLUSTER_ERROR_NAME = "CLUSTER_AUTHORIZATION_FAILED";

    /** Cluster-level denial, Kafka error {@code CLUSTER_AUTHORIZATION_FAILED} (31). */
    public AuthorizationException(final String message) {
        super(CLUSTER_ERROR_CODE, CLUSTER_ERROR_NAME, message);
    }

    protected AuthorizationException(final short errorCode, final String errorName, final String message) {
        super(errorCode, errorName, message);
    }
}
