package dev.sluice.client.errors;

/** Not allowed to use this consumer group. Kafka error {@code GROUP_AUTHORIZATION_FAILED} (30). */
public class GroupAuthorizationException extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 30;
    public static final String ERROR_NAME = "GROUP_AUTHORIZATION_FAILED";

    private final String groupId;

    public GroupAuthorizationException(final String groupId) {
        super(ERROR_CODE, ERROR_NAME, "Not authorized to access group " + groupId);
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }
}
